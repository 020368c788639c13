import LiveHubSentiment

#if canImport(Glibc)
    import Glibc
#endif

// sentimentbench: `SentimentScorer.analyze` on fixed customer messages, for instruction counts.
//
//     swift build -c release --product sentimentbench
//     valgrind --tool=callgrind --toggle-collect='*measure*' .build/release/sentimentbench KIND [ITERATIONS]
//
// KIND is a message number (see `--list`), `all` for the whole list, or `stdin` for the messages
// on standard input (one a line; a TSV line's last column). Only `measure` is counted, so the
// lexicons built by `prepare` stay out; instructions per message = Ir / (ITERATIONS × messages).

let messages = [
    "ack run xxxxxxxxxxxxxxxxxxxxxxxx",
    "Hello there, message 12",
    "This is RIDICULOUS, I have been waiting for THREE WEEKS and nobody answers!!!",
    "Thank you so much, that was really helpful 😊",
    "My order 48213 hasn't arrived yet, can you check?",
    "not bad at all, but the delivery was slow :(",
    "Absolutely terrible service 😡😡 never again",
    "Super, vielen Dank für die schnelle Hilfe!",
    "Das ist eine Frechheit, seit zwei Wochen warte ich auf meine Bestellung.",
    "Ich habe eine Frage zu meiner Rechnung.",
    "Das funktioniert überhaupt nicht 🙄",
    "Heel erg bedankt, top geholpen! 👍",
    "Het werkt niet en niemand reageert, waardeloos",
    "Ik wil graag mijn adres wijzigen.",
    "sooo gooood thaaanks!!!",
]

@inline(never)
func measure(_ texts: [String], iterations: Int) -> Double {
    var sum = 0.0
    for _ in 0..<iterations {
        for text in texts { sum += SentimentScorer.analyze(text).score }
    }
    return sum
}

let arguments = CommandLine.arguments.dropFirst()
if arguments.first == "--list" {
    for (index, message) in messages.enumerated() { print("\(index)\t\(message)") }
} else {
    let kind = arguments.first ?? "all"
    let iterations = arguments.dropFirst().first.flatMap { Int($0) } ?? 1000
    var texts: [String]
    switch kind {
    case "all": texts = messages
    case "stdin":
        texts = []
        while let line = readLine() {
            if line.isEmpty || line.hasPrefix("#") { continue }
            texts.append(String(line.split(separator: "\t").last ?? ""))
        }
    default:
        guard let index = Int(kind), messages.indices.contains(index) else {
            print("usage: sentimentbench [all | stdin | 0...\(messages.count - 1) | --list] [iterations]")
            exit(2)
        }
        texts = [messages[index]]
    }
    SentimentScorer.prepare()
    // Once outside `measure`: the runtime's one-time type metadata and lazy tables stay out of the count.
    for text in texts { _ = SentimentScorer.analyze(text) }
    print("\(texts.count) messages × \(iterations): checksum \(measure(texts, iterations: iterations))")
}
