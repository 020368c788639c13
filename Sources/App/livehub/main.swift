import LiveHubPosix
import LiveHubServer

#if canImport(Glibc)
import Glibc
#endif

/// Writes a line to stdout and flushes at once: scripts wait for `listening on`.
func say(_ line: String) {
    writeAll(1, line + "\n")
}

func fail(_ message: String, status: Int32) -> Never {
    writeAll(2, "livehub: \(message)\n")
    exit(status)
}

/// Unbuffered write straight to a descriptor (stdio's FILE globals are not concurrency-safe in Swift 6).
func writeAll(_ fd: Int32, _ text: String) {
    var bytes = Array(text.utf8)
    var offset = 0
    while offset < bytes.count {
        let written = bytes.withUnsafeMutableBytes { write(fd, $0.baseAddress! + offset, $0.count - offset) }
        if written <= 0 { return }
        offset += written
    }
}

let command: LiveHubCommand
do {
    command = try CommandLineParser.parse(Array(CommandLine.arguments.dropFirst()))
} catch {
    fail("\(error)\n\(CommandLineParser.usage)", status: 64)
}

switch command {
case .help:
    say(CommandLineParser.usage)
case .token(let options):
    do {
        say(try TokenMinting.mint(options))
    } catch {
        fail("\(error)", status: 70)
    }
case .serve(let options):
    // Before any thread starts, so every thread inherits the blocked mask.
    let signals: TerminationSignals
    do {
        signals = try TerminationSignals.block()
    } catch {
        fail("cannot watch signals: \(error)", status: 70)
    }
    // The data directory exists before the server starts, so a bad path fails now, not on first write.
    if mkdir(options.dataDirectory, 0o750) != 0 && errno != EEXIST {
        fail("cannot create --data-dir \(options.dataDirectory): errno \(errno)", status: 73)
    }
    var configuration = options.configuration
    if let configPath = options.configPath {
        do {
            configuration.hub = try HubConfigurationLoader.load(path: configPath)
        } catch {
            fail("\(error)", status: 66)
        }
    }
    do {
        configuration.hubSecret = try HubSecretStore.loadOrCreate(directory: options.dataDirectory)
    } catch {
        fail("\(error)", status: 73)
    }
    let server: HubServer
    do {
        server = try HubServer.start(configuration: configuration)
    } catch {
        fail("cannot start: \(error)", status: 70)
    }
    say("listening on \(server.address)")
    _ = signals.wait()
    server.shutdown()
    server.waitUntilStopped()
    exit(0)
}
