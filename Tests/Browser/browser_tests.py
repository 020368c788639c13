"""The browser tests, in the order run.py runs them. Each test's first docstring line is its name.

Windows are shared between tests where a person would keep them open (the agents and the
supervisor); every window's console must stay free of errors and warnings.
"""
import json
import pathlib
import re
import tempfile
import time
import urllib.request

from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select

from harness import Widget, Window

# Console lines a test provokes on purpose (a WebSocket blocked by the test itself).
EXPECTED_CONSOLE = ("/v1/ws",)

# The screenshots shown in the README (`run.py --update-screenshots` copies them from a green run), and
# the size the desktop ones are laid out at: small files, still readable.
README_SCREENSHOTS = ("shop-widget", "agent-console", "supervisor-dashboard", "mobile-widget", "mobile-supervisor")
README_SIZE = (1100, 720)


class Context:
    def __init__(self, hub, proxy, host, screenshots):
        self.hub = hub
        self.proxy = proxy
        self.host = host
        self.screenshots = screenshots
        self.windows = {}
        self.checked = {}
        self.allowed = set()
        self.conversation_ids = {}

    def window(self, name, **options):
        if name not in self.windows:
            self.windows[name] = Window(name, **options)
        return self.windows[name]

    def drop(self, name):
        window = self.windows.pop(name, None)
        if window:
            self.check_window(name, window)
            window.quit()

    def allow_console(self, name):
        """This window is expected to log a blocked WebSocket (see EXPECTED_CONSOLE)."""
        self.allowed.add(name)

    def check_window(self, name, window):
        problems = window.problems()
        new = problems[self.checked.get(name, 0):]
        self.checked[name] = len(problems)
        if name in self.allowed:
            new = [entry for entry in new if not any(text in entry.get("message", "") for text in EXPECTED_CONSOLE)]
        if new:
            raise AssertionError(f"console of {name}: " + "; ".join(entry["message"][:300] for entry in new))

    def check_consoles(self, test_name):
        for name, window in list(self.windows.items()):
            self.check_window(name, window)

    def shot(self, window, name, size=None):
        """A screenshot of `window` into the run's folder (see README_SCREENSHOTS for the README's)."""
        window.screenshot(self.screenshots / f"{name}.png", size)

    def dump(self, test_name):
        for line in self.hub.log[-10:]:
            print(f"  hub: {line[:300]}")
        for name, window in self.windows.items():
            try:
                self.shot(window, f"failure-{name}")
                for entry in window.logs()[-10:]:
                    print(f"  console {name}: {entry.get('level')} {entry.get('message', '')[:300]}")
            except Exception:  # noqa: BLE001 - best effort after a failure
                pass

    def close(self):
        for window in self.windows.values():
            window.quit()
        self.windows.clear()


# ---- Helpers -------------------------------------------------------------------------------------------

def open_agent(context, name, sub, presence=None):
    window = context.window(name)
    window.get(context.hub.link("agent", sub))
    window.wait(lambda: window.text("#connection") == "Connected", message="agent connected")
    if presence:
        set_presence(window, presence)
    return window


def set_presence(window, presence):
    Select(window.css("#presence")).select_by_value(presence)
    window.wait(lambda: window.js("return window.livehub.state.presence") == presence, message=f"presence {presence}")
    # The hub confirms with presence-changed; the select shows it.
    window.wait(lambda: window.css("#presence").get_attribute("value") == presence)


def agent_messages(window):
    return window.js("return [...document.querySelectorAll('#conversation-pane .transcript .message .text')]"
                     ".map(e => e.textContent)")


def agent_transcript(window):
    return window.text("#conversation-pane .transcript")


def start_chat(window, question, name="Priya Nair", topic="general"):
    widget = Widget(window)
    widget.wait_ready()
    widget.click("#lh-launcher")
    widget.type("#lh-name", name)
    widget.type("#lh-question", question)
    window.js(f"{Widget.ROOT}.querySelector('#lh-topic').value = arguments[0]", topic)
    widget.click("#lh-start")
    window.wait(lambda: any(text in widget.text("#lh-status") for text in ("Waiting for an agent…", "in the queue", "chatting")),
                message="the chat to start")
    window.wait(lambda: window.js("return window.livehubWidget.conversation && window.livehubWidget.conversation.id"),
                message="a conversation id")
    return widget


def send_as_agent(window, text, internal=False):
    window.css("#visibility-internal" if internal else "#visibility-public").click()
    box = window.css("#composer-text")
    box.send_keys(text)
    box.send_keys(Keys.ENTER)
    window.wait(lambda: text in agent_messages(window) and not window.all("#conversation-pane .message.pending"),
                message=f"'{text}' confirmed")


def accept_offer(window, subject, kind=None):
    selector = f"#offers .offer{'-' + kind if kind else ''}"
    window.wait(lambda: any(subject in offer.text for offer in window.all(selector)), message=f"an offer for {subject}")
    for offer in window.all(selector):
        if subject in offer.text:
            offer.find_element("css selector", "button.primary").click()
            return


def decline_offer(window, subject, kind):
    selector = f"#offers .offer-{kind}"
    window.wait(lambda: any(subject in offer.text for offer in window.all(selector)), message=f"a {kind} offer")
    for offer in window.all(selector):
        if subject in offer.text:
            offer.find_element("css selector", "button.secondary").click()
            return


def transfer_to(window, agent_id):
    window.click("#action-transfer")
    window.wait(lambda: window.css("dialog[open] #target-agent-select"))
    Select(window.css("dialog[open] #target-agent-select")).select_by_value(agent_id)
    window.css("dialog[open] button[type=submit]").click()
    window.wait(lambda: not window.all("dialog[open]"), message="the dialog to close")


def report_row(window, conversation_id):
    return f"#report-rows tr[data-conversation-id='{conversation_id}']"


def agent_entry(window, agent_id):
    """The supervisor's agents panel entry of one agent, as text."""
    return window.text(f"#agents li[data-key='{agent_id}']")


def open_supervisor(context):
    sam = context.windows.get("sam")
    if sam is None:
        sam = context.window("sam")
        sam.get(context.hub.link("supervisor", "sam"))
        sam.wait(lambda: sam.text("#connection") == "Connected", message="supervisor connected")
    return sam


def assign_in_dialog(context, sam, conversation_id, agent_id=None, queue_id=None, override=False, hint=None, option=None):
    """Opens Assign on a report row, picks the agent (checking its option's text and the line explaining
    the fit) or the queue."""
    sam.click(f"{report_row(sam, conversation_id)} [data-action=assign]")
    sam.wait(lambda: sam.css("dialog[open] #target-agent-select"))
    if queue_id:
        sam.css("dialog[open] #target-queue").click()
        Select(sam.css("dialog[open] #target-queue-select")).select_by_value(queue_id)
    else:
        Select(sam.css("dialog[open] #target-agent-select")).select_by_value(agent_id)
        if option:
            chosen = Select(sam.css("dialog[open] #target-agent-select")).first_selected_option.text
            assert option in chosen, chosen
        if hint:
            sam.wait_text("dialog[open] #target-agent-hint", hint)
        if override:
            sam.css("dialog[open] #target-override").click()
        context.shot(sam, "assign-dialog")
    sam.css("dialog[open] button[type=submit]").click()
    sam.wait(lambda: not sam.all("dialog[open]"), message="the dialog to close")


def hub_request(window, request_type, fields):
    """A request through the page's own hub connection (cleaning up between tests); the ack or the error code."""
    return window.js("return window.livehub.client.request(arguments[0], arguments[1]).then((ack) => ack, (e) => e.code)",
                     request_type, fields)


def fetch(url, headers=None):
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


# ---- Tests ---------------------------------------------------------------------------------------------

def test_first_screen(context):
    """the first screen renders without waiting for the WebSocket"""
    window = context.window("blocked")
    context.proxy.hold(True)
    try:
        for role, sub, page, heading in (("agent", "dave", "agent", "#offers-title"),
                                         ("supervisor", "sam", "supervisor", "#report-title")):
            window.get(context.hub.link(role, sub, base=context.proxy.base))
            window.wait(lambda: window.css(heading).is_displayed(), message=f"{page} layout")
            time.sleep(0.5)
            assert window.text("#connection") == "Connecting…", window.text("#connection")
            assert window.css("#main").text.strip(), "the page has content"
        window.get(context.proxy.base + "/")
        Widget(window).wait_ready()
    finally:
        context.proxy.hold(False)
    context.drop("blocked")


def test_scenario(context):
    """chat, monitor, join, internal note, transfer declined then accepted, force close"""
    alice = open_agent(context, "alice", "alice", presence="available")
    bob = open_agent(context, "bob", "bob", presence="away")
    sam = open_supervisor(context)

    customer = context.window("customer")
    customer.get(context.host.base + "/")
    question = "My parcel has not arrived yet"
    widget = start_chat(customer, question)
    conversation_id = customer.js("return window.livehubWidget.conversation.id")
    context.conversation_ids["scenario"] = conversation_id

    # The offer reaches Alice (Bob is away), naming the customer; she accepts and sees the customer's question.
    alice.wait(lambda: any(question in offer.text for offer in alice.all("#offers .offer")), message="the offer")
    assert alice.text("#offers .offer .offer-customer") == "Priya Nair", alice.text("#offers .offer")
    alice.wait(lambda: alice.js("return document.getElementById('announcer')?.textContent")
               == f"New offer from Priya Nair: {question}", message="the offer announced to screen readers")
    context.shot(alice, "agent-offer")
    # The tab's title counts it, for an agent working in another tab.
    assert alice.js("return document.title") == "(1) Agent console · livehub", alice.js("return document.title")
    accept_offer(alice, question)
    alice.wait(lambda: alice.js("return document.title") == "Agent console · livehub", message="the title back to plain")
    alice.wait(lambda: question in agent_messages(alice), message="the question in Alice's transcript")
    customer.wait(lambda: "chatting with Alice Archer" in widget.text("#lh-status"), message="the customer told who answers")
    # Names everywhere: the customer's own (from the pre-chat form) at the agent, the agent's at the customer.
    alice.wait_text("#conversation-pane .pane-meta", "Priya Nair")
    assert "Priya Nair" in alice.text("#conversations"), alice.text("#conversations")
    assert alice.js("return [...document.querySelectorAll('#conversation-pane .message .sender')].map(e => e.textContent)")[0] == "Priya Nair"
    send_as_agent(alice, "Hello Priya, let me check that for you.")
    customer.wait(lambda: "Hello Priya, let me check that for you." in widget.messages(), message="Alice's reply")
    assert "Alice Archer" in widget.text("#lh-transcript .message.theirs .sender")
    # The agents panel, live from the agents view: Alice available with the chat, Bob away.
    sam.wait(lambda: "Available" in agent_entry(sam, "alice") and "1 of 4 in use" in agent_entry(sam, "alice")
             and question in agent_entry(sam, "alice"), message="Alice's entry in the agents panel")
    assert "Away" in agent_entry(sam, "bob") and "0 of 3 in use" in agent_entry(sam, "bob"), agent_entry(sam, "bob")
    widget.type("#lh-message", "Thank you! Order 1042.")
    widget.query("#lh-message").send_keys(Keys.ENTER)
    alice.wait(lambda: "Thank you! Order 1042." in agent_messages(alice), message="the customer's message")

    # The supervisor sees the conversation live, monitors it silently, then joins.
    row = report_row(sam, conversation_id)
    sam.wait(lambda: "Active" in sam.text(row) and "alice" in sam.text(row).lower(), message="the active row")
    # The row names the customer (from the pre-chat form) under the subject.
    assert sam.text(f"{row} .col-subject .customer-line") == "Priya Nair", sam.text(f"{row} .col-subject")
    # A clearly negative customer message: the row's sentiment shows a negative label, with its colour class.
    complaint = "This is unacceptable, I am really angry!"
    widget.type("#lh-message", complaint)
    widget.query("#lh-message").send_keys(Keys.ENTER)
    alice.wait(lambda: complaint in agent_messages(alice), message="the complaint at Alice")
    sentiment = f"{row} .sentiment"
    sam.wait(lambda: "negative" in sam.text(sentiment).lower()
             and sam.js("return document.querySelector(arguments[0]).className", sentiment).endswith("negative"),
             message="a negative sentiment label in the report row")
    sam.click(f"{row} [data-action=monitor]")
    sam.wait_text("#monitor .transcript", "Thank you! Order 1042.")
    assert "Priya Nair" in sam.text("#monitor .transcript") and "Priya Nair" in sam.text("#monitor .pane-meta")
    assert "joined" not in agent_transcript(alice).split("Order 1042.")[-1], "monitoring must be silent"
    sam.click("#monitor-join")
    sam.wait(lambda: sam.all("#monitor-leave"), message="joined")
    alice.wait_text("#conversation-pane .transcript", "(supervisor) joined the chat")
    customer.wait(lambda: "(supervisor) joined the chat" in widget.text("#lh-transcript"), message="join notice")

    # An internal note: Alice sees it marked; the customer never does.
    note = "Offer a 10% voucher, the courier lost it."
    assert sam.css("#monitor-internal").is_selected(), "a joined supervisor writes internal notes by default"
    sam.css("#monitor-text").send_keys(note)
    sam.css("#monitor-text").send_keys(Keys.ENTER)
    alice.wait(lambda: note in agent_messages(alice), message="the internal note at Alice")
    marked = alice.js("return [...document.querySelectorAll('#conversation-pane .message.internal')]"
                      ".some(e => e.textContent.includes(arguments[0]) && e.textContent.includes('Internal note'))", note)
    assert marked, "the note is marked internal for Alice"
    send_as_agent(alice, "Noted, thanks Sam.", internal=True)
    send_as_agent(alice, "I found it: it is on its way and arrives tomorrow.")
    customer.wait(lambda: "I found it: it is on its way and arrives tomorrow." in widget.messages())
    context.shot(customer, "widget-host-page")
    context.shot(alice, "agent-console", README_SIZE)
    context.shot(sam, "supervisor-monitor")

    # Transfer to Bob: declined first (Alice hears of it), then accepted.
    set_presence(bob, "available")
    sam.wait(lambda: "Available" in agent_entry(sam, "bob"), message="Bob available in the agents panel")
    transfer_to(alice, "bob")
    decline_offer(bob, question, "transfer")
    alice.wait_text("#toasts", "declined the transfer")
    alice.wait_text("#conversation-pane .transcript", "declined the transfer")
    transfer_to(alice, "bob")
    accept_offer(bob, question, "transfer")
    bob.wait(lambda: question in agent_messages(bob), message="the history at Bob")
    bob.wait(lambda: note in agent_messages(bob), message="the internal note at Bob")
    alice.wait_text("#conversation-pane .pane-meta", "consultant")
    customer.wait(lambda: "Transferred to Bob Baker" in widget.text("#lh-transcript"), message="transfer notice")
    sam.wait(lambda: "1 of 3 in use" in agent_entry(sam, "bob") and question in agent_entry(sam, "bob")
             and "0 of 4 in use" in agent_entry(sam, "alice"), message="the chat moved to Bob in the agents panel")
    # The customer minimizes the chat to browse the shop: Bob's greeting shows on the launcher as one
    # new message, and opening the chat clears it.
    widget.click("#lh-minimize")
    send_as_agent(bob, "Hi, Bob here. I will send you the tracking link.")
    customer.wait(lambda: "Hi, Bob here. I will send you the tracking link." in widget.messages())
    customer.wait(lambda: widget.text("#lh-unread") == "1", message="one new message on the launcher")
    context.shot(customer, "widget-unread")
    widget.click("#lh-launcher")
    customer.wait(lambda: widget.text("#lh-unread") == "", message="the badge cleared on opening")

    # Force close from the dashboard: a confirmation with a required reason.
    sam.click(f"{row} [data-action=forceClose]")
    sam.wait(lambda: sam.css("dialog[open] #force-close-reason"))
    sam.css("dialog[open] button[type=submit]").click()
    assert sam.all("dialog[open]"), "an empty reason is refused"
    sam.css("dialog[open] #force-close-reason").send_keys("Closing the demo conversation")
    sam.css("dialog[open] button[type=submit]").click()
    customer.wait(lambda: "Closing the demo conversation" in widget.text("#lh-status"), message="the customer told")
    assert not widget.query("#lh-composer").is_displayed(), "no composer after closing"
    for agent in (alice, bob):
        agent.wait_text("#conversation-pane .transcript", "A supervisor closed the chat: Closing the demo conversation")
    sam.wait(lambda: not sam.all(row), message="the row leaves the report")

    transcript = widget.text("#lh-transcript")
    for hidden in (note, "Noted, thanks Sam.", "declined"):
        assert hidden not in transcript, f"the customer saw '{hidden}'"
    customer_messages = widget.messages()
    for text in (question, "Hello Priya, let me check that for you.", "Thank you! Order 1042.",
                 "Hi, Bob here. I will send you the tracking link."):
        assert customer_messages.count(text) == 1, f"'{text}' shown {customer_messages.count(text)} times"

    # The customer downloads the transcript: built in the page from what it was shown, with times and names.
    downloads = pathlib.Path(tempfile.mkdtemp(prefix="livehub-downloads-"))
    customer.allow_downloads(downloads)
    widget.click("#lh-download")
    files = customer.wait(lambda: [f for f in downloads.glob("chat-*.txt")], message="the downloaded transcript")
    text = files[0].read_text(encoding="utf-8")
    assert files[0].name.startswith(f"chat-{conversation_id}-"), files[0].name
    assert text.startswith("Chat transcript: My parcel has not arrived yet"), text[:200]
    stamp = r"\[[^\]]*\d{4}[^\]]*\d{1,2}:\d{2}[^\]]*\]"
    for line in (f"Priya Nair: {question}", "Alice Archer: Hello Priya, let me check that for you.",
                 "Priya Nair: Thank you! Order 1042.", "Bob Baker: Hi, Bob here. I will send you the tracking link.",
                 "— Sam Singh (supervisor) joined the chat", "— A supervisor closed the chat: Closing the demo conversation"):
        assert re.search(f"^{stamp} {re.escape(line)}$", text, flags=re.M), f"'{line}' not in the transcript:\n{text}"
    for hidden in (note, "Noted, thanks Sam.", "declined", "Offered to"):
        assert hidden not in text, f"the transcript has '{hidden}'"


def test_resume(context):
    """a cut connection resumes with no lost or doubled message; the agent sees the customer away and back; a console that remembers nothing gets the agent's conversations from the hub (conversations.mine)"""
    customer = context.window("resume-customer")
    # The hub's own demo shop, through the proxy that can cut it.
    customer.get(context.proxy.base + "/")
    question = "Can I change my delivery address?"
    widget = start_chat(customer, question, name="Jonas Weber")
    conversation_id = customer.js("return window.livehubWidget.conversation.id")
    sam = open_supervisor(context)
    alice = context.windows.get("alice") or open_agent(context, "alice", "alice", presence="available")
    bob = context.windows.get("bob")
    if bob:
        set_presence(bob, "away")
    set_presence(alice, "available")
    accept_offer(alice, question)
    alice.wait(lambda: question in agent_messages(alice))
    send_as_agent(alice, "Sure, what is the new address?")
    customer.wait(lambda: "Sure, what is the new address?" in widget.messages())

    # The hub's answers to the customer stop arriving; the customer writes; Alice answers; the line dies.
    context.proxy.freeze()
    widget.type("#lh-message", "Kastanienallee 12, Berlin")
    widget.query("#lh-message").send_keys(Keys.ENTER)
    alice.wait(lambda: "Kastanienallee 12, Berlin" in agent_messages(alice), message="the message reached the hub")
    assert widget.pending_count() == 1, "unconfirmed on the customer's side"
    send_as_agent(alice, "Updated. Anything else?")
    time.sleep(0.3)
    assert "Updated. Anything else?" not in widget.messages()
    # The line dies and, for a while, cannot come back: Alice and the supervisor see the customer away.
    # (The widgets behind the proxy log the held attempt that fails: expected.)
    context.allow_console("resume-customer")
    context.allow_console("customer")
    context.proxy.hold(True)
    context.proxy.cut()
    alice.wait(lambda: alice.all("#customer-away"), message="the customer away in Alice's console")
    assert "Customer away" in alice.text("#conversations"), alice.text("#conversations")
    alice.wait_text("#conversation-pane .transcript", "Jonas Weber lost the connection")
    sam.wait_text(report_row(sam, conversation_id), "customer away")
    context.shot(alice, "agent-customer-away")
    context.proxy.hold(False)
    context.proxy.cut()  # the upgrade held meanwhile fails, and the widget tries again

    customer.wait(lambda: "Updated. Anything else?" in widget.messages() and widget.pending_count() == 0, timeout=20,
                  message="the resumed transcript")
    customer.wait(lambda: "chatting with" in widget.text("#lh-status"))
    alice.wait(lambda: not alice.all("#customer-away"), message="the customer back in Alice's console")
    alice.wait_text("#conversation-pane .transcript", "Jonas Weber is back")
    sam.wait(lambda: "customer away" not in sam.text(report_row(sam, conversation_id)), message="the row without 'away'")
    messages = widget.messages()
    for text in (question, "Sure, what is the new address?", "Kastanienallee 12, Berlin", "Updated. Anything else?"):
        assert messages.count(text) == 1, f"customer: '{text}' shown {messages.count(text)} times in {messages}"
    # The resend after the reconnect (same clientMsgId) added nothing at the hub.
    time.sleep(0.5)
    assert agent_messages(alice).count("Kastanienallee 12, Berlin") == 1, agent_messages(alice)
    widget.type("#lh-message", "No, that's all. Thanks!")
    widget.query("#lh-message").send_keys(Keys.ENTER)
    alice.wait(lambda: "No, that's all. Thanks!" in agent_messages(alice))

    # A reload of the page carries the chat on (session storage), again without doubles. The chat was
    # minimized: the history it replays was seen already, so the launcher counts nothing.
    widget.click("#lh-minimize")
    customer.get(context.proxy.base + "/")
    widget = Widget(customer)
    widget.wait_ready()
    customer.wait(lambda: "No, that's all. Thanks!" in (widget.messages() or []), message="the chat after a reload")
    assert widget.text("#lh-unread") == "", f"seen messages counted as new: {widget.text('#lh-unread')}"
    widget.click("#lh-launcher")
    messages = widget.messages()
    assert all(messages.count(text) == 1 for text in set(messages)), messages
    context.shot(customer, "shop-widget", (960, 680))  # the shop's gradient costs bytes: a little smaller

    # The widget loses which conversation it had (as when the answer to its start is lost with the
    # connection) and starts again: the hub answers already_open with the conversation, which it resumes.
    customer.js("""const key = Object.keys(sessionStorage).find((k) => k.startsWith('livehub.widget.'));
        const saved = JSON.parse(sessionStorage.getItem(key));
        delete saved.conversationId;
        saved.outbox = [];
        sessionStorage.setItem(key, JSON.stringify(saved));""")
    customer.get(context.proxy.base + "/")
    widget = Widget(customer)
    widget.wait_ready()
    customer.wait(lambda: "No, that's all. Thanks!" in (widget.messages() or []) and widget.pending_count() == 0,
                  message="the conversation resumed after already_open")
    assert customer.js("return window.livehubWidget.conversation.id") == conversation_id
    assert "chatting with Alice Archer" in widget.text("#lh-status"), widget.text("#lh-status")
    assert widget.text("#lh-form-error") == ""
    messages = widget.messages()
    assert all(messages.count(text) == 1 for text in set(messages)), messages
    assert agent_messages(alice).count(question) == 1, agent_messages(alice)

    # Alice's console on a device that remembers nothing: the hub lists her conversations at sign-in
    # (conversations.mine), and the one in progress is back with its whole transcript.
    alice.js("localStorage.clear()")
    alice.get(context.hub.link("agent", "alice"))
    alice.wait(lambda: alice.text("#connection") == "Connected", message="agent connected again")
    entry = f"#conversations li[data-key='{conversation_id}']"
    alice.wait(lambda: alice.all(entry), message="the conversation listed by the hub at sign-in")
    # A message in a conversation she has not opened: counted in the tab's title until she opens it.
    widget.type("#lh-message", "One more thing: please ring twice.")
    widget.query("#lh-message").send_keys(Keys.ENTER)
    alice.wait(lambda: alice.js("return document.title") == "(1) Agent console · livehub",
               message="the unread message counted in the title")
    alice.click(f"{entry} button")
    alice.wait(lambda: "No, that's all. Thanks!" in agent_messages(alice), message="its transcript resumed from 0")
    assert alice.js("return document.title") == "Agent console · livehub", alice.js("return document.title")
    assert agent_messages(alice).count(question) == 1, agent_messages(alice)


def test_unavailable(context):
    """the hub cannot write its journal: the pages say so, keep the messages and send them once it can"""
    customer = context.windows.get("resume-customer")
    alice = context.windows.get("alice")
    if customer is None or alice is None:
        raise AssertionError("runs after the resume test, in its conversation")
    set_presence(alice, "away")  # the newcomer's chat is offered to nobody
    widget = Widget(customer)
    typed, answer = "Hello? Are you still there?", "Yes, sorry, one moment please."
    newcomer = context.window("newcomer")
    newcomer.get(context.hub.base + "/")
    newcomer_widget = Widget(newcomer)
    newcomer_widget.wait_ready()
    context.hub.fail_writes(True)
    try:
        # A new chat arrives: the hub takes it, but its journal cannot write it (and keeps trying). It
        # concerns nobody in the conversation below, so their answers are not held behind it.
        newcomer_widget.click("#lh-launcher")
        newcomer_widget.type("#lh-question", "Is the sale still on?")
        newcomer_widget.click("#lh-start")
        context.hub.wait_log("event=journal.failed")
        # From now on every request that would write is refused with `unavailable`; nothing is done.
        widget.type("#lh-message", typed)
        widget.query("#lh-message").send_keys(Keys.ENTER)
        customer.wait(lambda: "cannot save messages right now" in widget.text("#lh-notice"), message="the widget's notice")
        customer.wait(lambda: "trying again" in widget.text("#lh-transcript .message.pending"), message="the message retrying")
        context.shot(customer, "widget-unavailable")
        alice.css("#visibility-public").click()
        alice.css("#composer-text").send_keys(answer, Keys.ENTER)
        alice.wait(lambda: "trying again" in alice.text("#conversation-pane .message.pending"), message="Alice's message retrying")
        alice.click("#action-wait")
        alice.wait_text("#toasts", "cannot save changes right now")
        assert typed not in agent_messages(alice)
    finally:
        context.hub.fail_writes(False)
    context.hub.wait_log("event=journal.resumed")
    # Both messages go once the hub writes again, each once; the refused hold changed nothing.
    alice.wait(lambda: typed in agent_messages(alice), timeout=20, message="the customer's message, sent again")
    customer.wait(lambda: answer in widget.messages() and widget.pending_count() == 0, timeout=20, message="Alice's message")
    customer.wait(lambda: not widget.query("#lh-notice").is_displayed(), message="the notice gone")
    alice.wait(lambda: not alice.all("#conversation-pane .message.pending"), message="Alice's message confirmed")
    assert agent_messages(alice).count(typed) == 1 and widget.messages().count(answer) == 1
    assert widget.messages().count(typed) == 1
    assert "Active" in alice.text("#conversation-pane .pane-meta"), alice.text("#conversation-pane .pane-meta")
    # The newcomer's chat, taken before the disk failed, is there once it is written.
    newcomer.wait(lambda: "in the queue" in newcomer_widget.text("#lh-status") or "Waiting" in newcomer_widget.text("#lh-status"))
    newcomer_id = newcomer.js("return window.livehubWidget.conversation.id")
    sam = open_supervisor(context)
    assert hub_request(sam, "conversation.forceClose", {"conversationId": newcomer_id, "reason": "test over"})["type"] == "ack"
    context.drop("newcomer")


def test_queue(context):
    """queue position and wait, assign with an override showing the excess, a dropped agent's chats requeued"""
    alice = context.windows.get("alice")
    if alice:
        set_presence(alice, "away")  # nobody available: the new chats wait in the queue
    sam = open_supervisor(context)
    if sam.all("#monitor-stop"):
        sam.click("#monitor-stop")  # the scenario's closed conversation
    # Two chats in Billing (a chat there takes 2 of an agent's capacity units, for as long as it lasts).
    first = context.window("queue-first")
    first.get(context.hub.base + "/")
    first_widget = start_chat(first, "Where is my refund?", name="Ana Lopez", topic="billing")
    first.wait(lambda: "You are next in the queue." in first_widget.text("#lh-status"), message="position 1")
    second = context.window("queue-second")
    second.get(context.hub.base + "/")
    second_widget = start_chat(second, "Was I charged twice?", name="Bram de Vries", topic="billing")
    second.wait(lambda: "You are number 2 in the queue." in second_widget.text("#lh-status"), message="position 2")
    first_id = first.js("return window.livehubWidget.conversation.id")
    second_id = second.js("return window.livehubWidget.conversation.id")
    # A fresh queue has no times to estimate from, so the hub sends no estimate yet. How one reads, in
    # each language, through the page's own dispatcher (a frame of the documented shape):
    second.js("window.livehubWidget.client.dispatch({type: 'queue.position', conversationId: arguments[0], at: Date.now(),"
              " position: 3, estimatedWaitSeconds: 240})", second_id)
    for language, text in (("de", "Sie sind Nummer 3 in der Warteschlange. Geschätzte Wartezeit: etwa 4 Min."),
                           ("nl", "U bent nummer 3 in de wachtrij. Geschatte wachttijd: ongeveer 4 min."),
                           ("en", "You are number 3 in the queue. Estimated wait: about 4 min.")):
        second.js(f"{Widget.ROOT}.querySelector('#lh-language').value = arguments[0];"
                  f"{Widget.ROOT}.querySelector('#lh-language').dispatchEvent(new Event('change'))", language)
        second.wait(lambda: second_widget.text("#lh-status") == text, message=f"the estimate in {language}")
    context.shot(second, "widget-queue")

    # Dave is offline: the dialog says the queue does not take that; an override assigns anyway.
    sam.wait(lambda: sam.all(report_row(sam, first_id)) and sam.all(report_row(sam, second_id)), message="both rows")
    assign_in_dialog(context, sam, first_id, agent_id="dave", override=True, option="Dave Diaz — Offline, 2 of 2 free",
                     hint="Dave Diaz is Offline; this queue takes agents who are Available or Busy.")
    first.wait(lambda: "chatting with Dave Diaz" in first_widget.text("#lh-status"), message="assigned to Dave")
    # The one behind moves up, and hears of it.
    second.wait(lambda: "You are next in the queue." in second_widget.text("#lh-status"), message="position 1 now")

    # To another queue: the customer hears they are being connected to someone else. Then to Dave, over
    # his capacity: the dialog says by how much, and so does the answer.
    assign_in_dialog(context, sam, second_id, queue_id="general")
    second.wait(lambda: "We are connecting you to someone else…" in second_widget.text("#lh-transcript"), message="requeue notice")
    assign_in_dialog(context, sam, second_id, agent_id="dave", override=True, option="Dave Diaz — Offline, 0 of 2 free",
                     hint="Assigning exceeds Dave Diaz’s capacity by 2 (2 of 2 in use, this conversation takes 2).")
    sam.wait_text("#toasts", "capacity is exceeded by 2")
    sam.wait(lambda: "4 of 2 in use" in agent_entry(sam, "dave") and "Was I charged twice?" in agent_entry(sam, "dave"),
             message="Dave over capacity in the agents panel")
    assert sam.js("return document.querySelector(\"#agents li[data-key='dave']\").classList.contains('over')")
    sam.js("document.getElementById('toasts')?.replaceChildren()")  # the picture shows the table, not the toasts
    context.shot(sam, "supervisor-dashboard", README_SIZE)

    # Dave signs in and drops: the panel shows the lost connection; after the grace period (3 s in these
    # tests) his chats go back to the queue, and the customers hear they are being connected to someone else.
    open_agent(context, "dave", "dave")
    sam.wait(lambda: "Available" in agent_entry(sam, "dave"), message="Dave online")
    context.drop("dave")
    sam.wait(lambda: "connection lost at" in agent_entry(sam, "dave"), message="Dave's lost connection")
    first.wait(lambda: "Your agent lost the connection. We are connecting you to someone else…"
               in first_widget.text("#lh-transcript"), timeout=20, message="the agent-disconnected notice")
    assert "Your agent was disconnected" not in first_widget.text("#lh-transcript"), "the hub's English line is left out"
    sam.wait(lambda: "0 of 2 in use" in agent_entry(sam, "dave") and "Offline" in agent_entry(sam, "dave"),
             message="Dave's chats back in the queue")
    for conversation_id in (first_id, second_id):
        assert hub_request(sam, "conversation.forceClose", {"conversationId": conversation_id, "reason": "test over"})["type"] == "ack"
    context.drop("queue-first")
    context.drop("queue-second")


def test_mobile(context):
    """the pages at 360 px: no sideways scrolling, controls on screen"""
    window = context.window("mobile", width=360, height=740, mobile=True)
    overflow = "return document.documentElement.scrollWidth - window.innerWidth"
    window.get(context.hub.base + "/")
    widget = Widget(window)
    widget.wait_ready()
    widget.click("#lh-launcher")
    assert window.js(overflow) <= 0, f"shop overflows by {window.js(overflow)} px"
    width = window.js(f"return {Widget.ROOT}.querySelector('#lh-panel').getBoundingClientRect().width")
    assert 300 <= width <= 360, f"widget panel is {width} px wide"
    context.shot(window, "mobile-widget")
    for role, sub, page, control in (("agent", "carol", "agent", "#presence"),
                                     ("supervisor", "sam", "supervisor", "#filter-queue")):
        window.get(context.hub.link(role, sub))
        window.wait(lambda: window.text("#connection") == "Connected", message=f"{page} connected")
        window.wait(lambda: window.css(control).is_displayed())
        assert window.js(overflow) <= 0, f"{page} overflows by {window.js(overflow)} px"
        right = window.js("return document.querySelector(arguments[0]).getBoundingClientRect().right", control)
        assert right <= 360, f"{control} ends at {right} px"
        context.shot(window, f"mobile-{page}")
    context.drop("mobile")


def test_languages(context):
    """German from the browser's language, switchable to Dutch and English"""
    window = context.window("german", language="de-DE")
    window.get(context.hub.link("agent", "dave"))
    window.wait(lambda: window.text("#offers-title") == "Angebote", message="German")
    assert window.js("return document.documentElement.lang") == "de"
    # Dave still holds chats from the queue test: the title may lead with their count.
    assert re.match(r"^(\(\d+\) )?Agentenkonsole · livehub$", window.driver.title), window.driver.title
    Select(window.css("#language")).select_by_value("nl")
    window.wait(lambda: window.text("#offers-title") == "Aanbiedingen", message="Dutch")
    assert window.text("#presence-label, label[for=presence]") == "Status"
    window.get(context.hub.base + "/")
    Widget(window).wait_ready()
    window.wait(lambda: Widget(window).text("#lh-launcher").strip().endswith("Chat met ons"), message="Dutch widget")
    Select(window.css("#shop-language-select")).select_by_value("en")
    window.wait(lambda: Widget(window).text("#lh-launcher").strip().endswith("Chat with us"), message="English widget")
    context.drop("german")


def test_keyboard(context):
    """dialogs work with the keyboard: focus inside, Tab stays inside, Escape closes"""
    sam = context.windows.get("sam")
    if sam is None:
        sam = context.window("sam")
        sam.get(context.hub.link("supervisor", "sam"))
    customer = context.window("keyboard-customer")
    customer.get(context.hub.base + "/")
    start_chat(customer, "Keyboard test conversation")
    conversation_id = customer.js("return window.livehubWidget.conversation.id")
    row = report_row(sam, conversation_id)
    sam.wait(lambda: sam.all(row), message="the new row")
    button = sam.css(f"{row} [data-action=forceClose]")
    sam.js("arguments[0].focus()", button)
    button.send_keys(Keys.ENTER)
    sam.wait(lambda: sam.all("dialog[open]"))
    in_dialog = "return !!document.activeElement.closest('dialog[open]')"
    assert sam.js(in_dialog), "focus moves into the dialog"
    assert sam.js("return document.activeElement.id") == "force-close-reason"
    for _ in range(6):
        sam.driver.switch_to.active_element.send_keys(Keys.TAB)
        assert sam.js(in_dialog), "Tab stays in the modal dialog"
    sam.driver.switch_to.active_element.send_keys(Keys.ESCAPE)
    sam.wait(lambda: not sam.all("dialog[open]"), message="Escape closes")
    assert sam.all(row), "cancelled: nothing closed"
    # The widget's panel: Escape minimizes it and the launcher gets the focus back.
    widget = Widget(customer)
    widget.query("#lh-message").send_keys(Keys.ESCAPE)
    customer.wait(lambda: widget.query("#lh-launcher").is_displayed())
    assert customer.js(f"return {Widget.ROOT}.activeElement && {Widget.ROOT}.activeElement.id") == "lh-launcher"
    context.drop("keyboard-customer")


def test_admin(context):
    """an admin sees the four supervisor settings as they stand (settings.get) and switches them"""
    admin = context.window("admin")
    admin.get(context.hub.link("admin", "root"))  # (again, after the unavailable test: a fresh page)
    admin.wait(lambda: admin.text("#connection") == "Connected")
    switches = ["supervisorMonitor", "supervisorAssign", "supervisorTransfer", "supervisorForceClose"]
    # Read at sign-in: no switch stays indeterminate, and nothing was written to learn them.
    admin.wait(lambda: all(admin.css(f"#setting-{key}").is_enabled() for key in switches)
               and not admin.all("#settings-unknown"), message="settings read")
    assert not any(admin.js("return document.getElementById(arguments[0]).indeterminate", f"setting-{key}")
                   for key in switches)
    assert admin.css("#setting-supervisorForceClose").get_attribute("role") == "switch"
    before = admin.css("#setting-supervisorForceClose").is_selected()
    admin.css("#setting-supervisorForceClose").click()
    admin.wait(lambda: admin.css("#setting-supervisorForceClose").is_enabled()
               and admin.css("#setting-supervisorForceClose").is_selected() != before, message="switched")
    context.shot(admin, "admin-settings")
    # A fresh page reads the new value.
    admin.get(context.hub.link("admin", "root"))
    admin.wait(lambda: admin.text("#connection") == "Connected" and not admin.all("#settings-unknown")
               and admin.css("#setting-supervisorForceClose").is_selected() != before, message="read back")
    admin.css("#setting-supervisorForceClose").click()
    admin.wait(lambda: admin.css("#setting-supervisorForceClose").is_enabled()
               and admin.css("#setting-supervisorForceClose").is_selected() == before, message="switched back")

    context.drop("admin")


def test_weight(context):
    """each page ships at most 150 KB of its own JavaScript and CSS"""
    window = context.window("weight")
    report = {}
    for page, url in (("/", context.hub.base + "/"), ("/agent", context.hub.link("agent", "dave")),
                      ("/supervisor", context.hub.link("supervisor", "sam"))):
        window.get(url)
        if page == "/":
            Widget(window).wait_ready()
        else:
            window.wait(lambda: window.text("#connection") == "Connected")
        entries = window.js("return performance.getEntriesByType('resource').map(e => [e.name, e.decodedBodySize, e.encodedBodySize])")
        own = [(name, size, wire) for name, size, wire in entries
               if name.startswith(context.hub.base) and (name.split("?")[0].endswith(".js") or name.endswith(".css"))]
        total = sum(size for _, size, _ in own)
        report[page] = {"bytes": total, "gzip": sum(wire for _, _, wire in own), "files": len(own)}
        assert total <= 150 * 1024, f"{page}: {total} bytes of JS and CSS"
    print("  page weights (own JS+CSS, uncompressed / as sent):", json.dumps(report))
    context.drop("weight")


def test_static(context):
    """static files: types, ETag and 304, gzip, CSP, 404 for traversal"""
    base = context.hub.base
    status, headers, body = fetch(base + "/agent", {"Accept-Encoding": "gzip"})
    assert status == 200 and headers["Content-Type"] == "text/html; charset=utf-8", (status, headers)
    assert "script-src 'self'" in headers["Content-Security-Policy"]
    assert headers["Content-Encoding"] == "gzip"
    status, _, _ = fetch(base + "/agent", {"Accept-Encoding": "gzip", "If-None-Match": headers["ETag"]})
    assert status == 304
    status, headers, _ = fetch(base + "/widget.js")
    assert status == 200 and headers["Content-Type"].startswith("text/javascript")
    assert headers["Access-Control-Allow-Origin"] == "*"
    for path in ("/assets/%2e%2e/agent.html", "/assets/..%2f..%2fhub-secret", "/assets/js%5c..%5cagent.js",
                 "/assets/js/%00agent.js", "/nope"):
        assert fetch(base + path)[0] == 404, path


def test_strings(context):
    """English, German and Dutch have the same keys and the same placeholders"""
    import pathlib
    import re
    source = (pathlib.Path(__file__).resolve().parents[2]
              / "Sources/App/LiveHubServer/Web/Pages/public/assets/js/strings.js").read_text()
    sections = re.split(r"^  (en|de|nl): \{$", source, flags=re.M)
    languages = {sections[i]: sections[i + 1] for i in range(1, len(sections), 2)}
    assert set(languages) == {"en", "de", "nl"}, languages.keys()
    entries = {code: dict(re.findall(r"^    '([^']+)': '((?:[^'\\]|\\.)*)',$", text, flags=re.M))
               for code, text in languages.items()}
    for code in ("de", "nl"):
        assert entries[code].keys() == entries["en"].keys(), (
            code, sorted(entries["en"].keys() ^ entries[code].keys()))
        for key, english in entries["en"].items():
            wanted = set(re.findall(r"\{\w+\}", english))
            assert set(re.findall(r"\{\w+\}", entries[code][key])) == wanted, (code, key)
    assert len(entries["en"]) > 200


TESTS = [test_strings, test_static, test_first_screen, test_scenario, test_resume, test_unavailable, test_queue, test_keyboard,
         test_admin, test_mobile, test_languages, test_weight]
