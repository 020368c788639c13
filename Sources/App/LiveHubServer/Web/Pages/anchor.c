/* LiveHubWebPages holds only resources (public/); SwiftPM builds a target's resource bundle only
   when the target has a source file, so this one exists. Nothing calls it. */
#include "LiveHubWebPages.h"

int livehub_web_pages_anchor(void) { return 0; }
