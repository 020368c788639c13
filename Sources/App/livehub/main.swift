import LiveHubPosix
import LiveHubServer

/// Writes a line to stdout at once: scripts wait for `listening on`.
func say(_ line: String) {
    StandardStreams.writeOutput(line + "\n")
}

func fail(_ message: String, status: Int32) -> Never {
    StandardStreams.writeError("livehub: \(message)\n")
    ProcessExit.now(status)
}

let arguments = Array(CommandLine.arguments.dropFirst())
let command: LiveHubCommand
do {
    command = try CommandLineParser.parse(arguments)
} catch {
    fail("\(error)\n\(CommandLineParser.hint(for: arguments))", status: 64)
}

switch command {
case .help:
    say(CommandLineParser.usage)
case .tokenHelp:
    say(CommandLineParser.tokenUsage)
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
    do {
        try FileSystem.makeDirectory(options.dataDirectory)
    } catch {
        fail("cannot create --data-dir \(error)", status: 73)
    }
    var configuration: ServerConfiguration
    do {
        configuration = try options.loadConfiguration()
    } catch {
        fail("\(error)", status: 66)
    }
    configuration.dataDirectory = options.dataDirectory
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
    let dataDirectory = FileSystem.absolutePath(options.dataDirectory) ?? options.dataDirectory
    for line in StartupSummary.lines(
        address: "\(server.address)", dataDirectory: dataDirectory, configPath: options.configPath,
        configuration: configuration.hub, recovery: server.recovery)
    {
        say(line)
    }
    let base = PageLinks.baseURL(
        host: server.address.host, port: server.address.port, tls: configuration.tlsCertificatePath != nil)
    for line in StartupSummary.pageLines(
        base: base, webRoot: server.webRoot, problem: server.webRootProblem, isDemo: options.configPath == nil,
        configuration: configuration.hub, secret: configuration.hubSecret,
        tokenSeconds: min(8 * 3600, configuration.maxTokenLifetimeSeconds))
    {
        say(line)
    }
    _ = signals.wait()
    server.shutdown()
    server.waitUntilStopped()
    ProcessExit.now(0)
}
