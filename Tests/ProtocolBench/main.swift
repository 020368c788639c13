#if canImport(Glibc)
    import Glibc
#endif

// protocolbench: the wire and journal codecs on the hot path of one `message.send`, for instruction
// counts under callgrind.
//
//     swift build -c release --product protocolbench
//     valgrind --tool=callgrind --toggle-collect='*measure*' .build/release/protocolbench KIND [ITERATIONS]
//
// KIND is `decode` (the request as `hubload acks` sends it) or `encode` (the journal record, the
// event for each audience and the ack it produces). Only the `measure…` functions are counted;
// instructions per message = Ir / ITERATIONS.

let arguments = CommandLine.arguments.dropFirst()
let kind = arguments.first ?? ""
let iterations = arguments.dropFirst().first.flatMap { Int($0) } ?? 100_000
switch kind {
case "decode":
    print("decode", DecodeBench.run(iterations: iterations))
case "encode":
    print("encode", EncodeBench.run(iterations: iterations))
default:
    print("usage: protocolbench decode|encode [ITERATIONS]")
    exit(2)
}
