// swift-tools-version:6.0
// livehub: a real-time customer-service hub over raw sockets. No package dependencies:
// system C libraries (OpenSSL, zlib) come in through system-library targets only.
import PackageDescription

let strict: [SwiftSetting] = [.enableUpcomingFeature("ExistentialAny")]

let package = Package(
    name: "livehub",
    products: [
        .executable(name: "livehub", targets: ["livehub"])
    ],
    targets: [
        // System: C headers and shims. Nothing else in the tree calls C directly.
        .target(name: "CLiveHubSystem", path: "Sources/System/CLiveHubSystem"),
        .systemLibrary(
            name: "COpenSSL", path: "Sources/System/COpenSSL", pkgConfig: "openssl",
            providers: [.apt(["libssl-dev"])]),
        .systemLibrary(
            name: "CZlib", path: "Sources/System/CZlib", pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]),

        // Core: pure Swift, no I/O, no Foundation. Tested without sockets.
        .target(name: "LiveHubWebSocket", path: "Sources/Core/LiveHubWebSocket", swiftSettings: strict),
        .target(name: "LiveHubHTTP", path: "Sources/Core/LiveHubHTTP", swiftSettings: strict),
        // The domain keeps each conversation's customer sentiment (scored in `apply`, so a replay rebuilds it).
        .target(
            name: "LiveHubDomain", dependencies: ["LiveHubSentiment"], path: "Sources/Core/LiveHubDomain",
            swiftSettings: strict),
        .target(
            name: "LiveHubProtocol", dependencies: ["LiveHubDomain", "LiveHubSentiment"],
            path: "Sources/Core/LiveHubProtocol", swiftSettings: strict),
        // The journal's record format: segments, records, CRC-32C, the torn-tail rule. No I/O.
        .target(name: "LiveHubJournal", path: "Sources/Core/LiveHubJournal", swiftSettings: strict),
        .target(name: "LiveHubSentiment", path: "Sources/Core/LiveHubSentiment", swiftSettings: strict),

        // Adapters: thin wrappers around C libraries and the kernel.
        .target(
            name: "LiveHubDeflate", dependencies: ["LiveHubWebSocket", "CZlib"],
            path: "Sources/Adapters/LiveHubDeflate", swiftSettings: strict),
        .target(
            name: "LiveHubTLS", dependencies: ["COpenSSL"],
            path: "Sources/Adapters/LiveHubTLS", swiftSettings: strict),
        .target(
            name: "LiveHubPosix", dependencies: ["CLiveHubSystem"],
            path: "Sources/Adapters/LiveHubPosix", swiftSettings: strict),

        // App. Transport: connections, loops, listener, HTTP and WebSocket serving, drain; it knows
        // routes only through its endpoint protocols and imports neither the domain nor the protocol.
        .target(
            name: "LiveHubTransport",
            dependencies: ["LiveHubPosix", "LiveHubTLS", "LiveHubDeflate", "LiveHubWebSocket", "LiveHubHTTP"],
            path: "Sources/App/LiveHubTransport", swiftSettings: strict),
        // The journal's storage: segment files, group commit on its own thread, recovery. Payload-agnostic:
        // it imports neither the domain nor the protocol.
        .target(
            name: "LiveHubJournalStore", dependencies: ["LiveHubJournal", "LiveHubPosix"],
            path: "Sources/App/LiveHubJournalStore", swiftSettings: strict),
        // Bench and conformance endpoints (/echo, /room/NAME), apart from the product.
        .target(
            name: "LiveHubBenchEndpoints",
            dependencies: ["LiveHubTransport", "LiveHubPosix", "LiveHubWebSocket", "LiveHubHTTP"],
            path: "Sources/App/LiveHubBenchEndpoints", swiftSettings: strict),
        // The browser pages (HTML, CSS, JavaScript modules), copied next to the executable as
        // `livehub_LiveHubWebPages.resources/public`. A resource-only C target (one empty anchor file)
        // rather than resources of LiveHubServer: SwiftPM gives every Swift target with resources a
        // generated `Bundle.module` accessor that imports Foundation, which would link Foundation and
        // ICU into livehub (+8.5 MB RSS at start) for a path the hub finds through /proc/self/exe.
        .target(
            name: "LiveHubWebPages", path: "Sources/App/LiveHubServer/Web/Pages", resources: [.copy("public")]),
        // The hub application: hub service on its own thread, authentication, sessions, configuration,
        // static pages.
        .target(
            name: "LiveHubServer",
            dependencies: [
                "LiveHubTransport", "LiveHubBenchEndpoints", "LiveHubPosix", "LiveHubWebSocket", "LiveHubHTTP",
                "LiveHubDomain", "LiveHubProtocol", "LiveHubJournalStore", "LiveHubDeflate", "LiveHubWebPages",
                "LiveHubSentiment",
            ],
            path: "Sources/App/LiveHubServer", exclude: ["Web/Pages"], swiftSettings: strict),
        .executableTarget(
            name: "livehub", dependencies: ["LiveHubServer", "LiveHubPosix"], path: "Sources/App/livehub",
            swiftSettings: strict),

        // The hub load driver (`.ci/bench-hub`): a client-side tool like the test support, so it lives
        // under Tests/; a library so a test can run it against a real server.
        .target(
            name: "LiveHubLoad",
            dependencies: ["CLiveHubSystem", "LiveHubWebSocket", "LiveHubProtocol", "LiveHubDomain"],
            path: "Tests/HubLoad/LiveHubLoad", swiftSettings: strict),
        .executableTarget(
            name: "hubload",
            dependencies: ["LiveHubLoad", "LiveHubPosix", "LiveHubDomain", "LiveHubProtocol", "LiveHubJournalStore"],
            path: "Tests/HubLoad/hubload",
            swiftSettings: strict),

        // The domain benchmark (`hubbench`): CPU per start and per message at 100 to 100,000 open
        // conversations, on the pure domain. A tool like hubload, so it lives under Tests/.
        .executableTarget(
            name: "hubbench", dependencies: ["LiveHubDomain", "LiveHubProtocol"], path: "Tests/HubBench",
            swiftSettings: strict),
        // The sentiment bench (`sentimentbench`): `SentimentScorer.analyze` on fixed messages, for
        // instruction counts under callgrind.
        .executableTarget(
            name: "sentimentbench", dependencies: ["LiveHubSentiment"], path: "Tests/SentimentBench",
            swiftSettings: strict),
        // The codec bench (`protocolbench`): decoding a `message.send` and encoding what it produces,
        // for instruction counts under callgrind.
        .executableTarget(
            name: "protocolbench", dependencies: ["LiveHubProtocol", "LiveHubDomain"], path: "Tests/ProtocolBench",
            swiftSettings: strict),
        // The journal's disk bench (`journalbench`): raw fdatasync rate and group-commit throughput.
        .executableTarget(
            name: "journalbench", dependencies: ["LiveHubJournalStore", "LiveHubJournal", "LiveHubPosix"],
            path: "Tests/JournalBench/journalbench", swiftSettings: strict),

        // Tests.
        .target(
            name: "LiveHubTestSupport",
            dependencies: ["LiveHubServer", "LiveHubTransport", "LiveHubWebSocket", "LiveHubTLS", "LiveHubPosix"],
            path: "Tests/LiveHubTestSupport", swiftSettings: strict),
        .testTarget(name: "LiveHubWebSocketTests", dependencies: ["LiveHubWebSocket"], swiftSettings: strict),
        .testTarget(name: "LiveHubHTTPTests", dependencies: ["LiveHubHTTP"], swiftSettings: strict),
        .testTarget(
            name: "LiveHubDomainTests", dependencies: ["LiveHubDomain", "LiveHubSentiment"], swiftSettings: strict),
        .testTarget(
            name: "LiveHubSentimentTests", dependencies: ["LiveHubSentiment"], exclude: ["Evaluation"],
            swiftSettings: strict),
        .testTarget(
            name: "LiveHubProtocolTests", dependencies: ["LiveHubProtocol", "LiveHubDomain", "LiveHubSentiment"],
            swiftSettings: strict),
        .testTarget(
            name: "LiveHubDeflateTests", dependencies: ["LiveHubDeflate", "LiveHubWebSocket"], swiftSettings: strict),
        .testTarget(name: "LiveHubTLSTests", dependencies: ["LiveHubTLS"], swiftSettings: strict),
        .testTarget(name: "LiveHubPosixTests", dependencies: ["LiveHubPosix"], swiftSettings: strict),
        .testTarget(name: "LiveHubJournalTests", dependencies: ["LiveHubJournal"], swiftSettings: strict),
        .testTarget(
            name: "LiveHubJournalStoreTests", dependencies: ["LiveHubJournalStore", "LiveHubJournal", "LiveHubPosix"],
            swiftSettings: strict),
        // The transport's pure rules (output queue, connection timers) with a fake kernel and a fake clock.
        .testTarget(
            name: "LiveHubTransportTests",
            dependencies: ["LiveHubTransport", "LiveHubPosix", "LiveHubWebSocket", "LiveHubHTTP"],
            swiftSettings: strict),
        .testTarget(
            name: "LiveHubLoadTests",
            dependencies: ["LiveHubLoad", "LiveHubTestSupport", "LiveHubServer", "LiveHubProtocol"],
            swiftSettings: strict),
        .testTarget(
            name: "LiveHubServerTests",
            dependencies: [
                "LiveHubServer", "LiveHubTestSupport", "LiveHubWebSocket", "LiveHubDeflate", "LiveHubTLS",
                "LiveHubProtocol",
                "LiveHubDomain", "LiveHubTransport", "LiveHubHTTP", "LiveHubJournalStore", "LiveHubPosix",
            ],
            swiftSettings: strict),
    ],
    swiftLanguageModes: [.v6]
)
