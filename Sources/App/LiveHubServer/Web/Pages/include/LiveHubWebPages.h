#ifndef LIVEHUB_WEB_PAGES_H
#define LIVEHUB_WEB_PAGES_H
/* The pages are resources (see anchor.c); this header only gives the C target its public folder. */
int livehub_web_pages_anchor(void);
#endif
