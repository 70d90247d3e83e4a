import Foundation
import MaillageTestSupport
import Testing

@testable import MaillageTravel

/// The HTTP/1.1 client `travel osrm` queries OSRM with, against Python's own HTTP server (a
/// real server on a loopback port, with the answers HTTP allows: sized, chunked, closed).
@Suite struct BlockingHTTPConnectionTests {
    let folder = try! TemporaryFolder()

    static let server = #"""
        import http.server, socketserver, sys
        connections = 0
        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            def setup(self):
                global connections
                connections += 1
                self.number = connections
                super().setup()
            def answer(self, body, extra=()):
                self.send_response(200)
                self.send_header("Content-Length", str(len(body)))
                for name, value in extra: self.send_header(name, value)
                self.end_headers(); self.wfile.write(body)
            def do_GET(self):
                if self.path.startswith("/len"):
                    self.answer(f"{self.path} on {self.number}".encode())
                elif self.path == "/chunked":
                    self.send_response(200); self.send_header("Transfer-Encoding", "chunked"); self.end_headers()
                    self.wfile.write(b"2;ext=1\r\nab\r\n3\r\ncde\r\n0\r\nTrailer: x\r\n\r\n")
                elif self.path == "/close":
                    self.answer(b"closing", [("Connection", "close")]); self.close_connection = True
                elif self.path == "/drop":
                    self.answer(b"dropped"); self.close_connection = True
                elif self.path == "/huge":
                    self.send_response(200); self.send_header("Content-Length", "999999999999"); self.end_headers()
                elif self.path == "/garbage":
                    self.wfile.write(b"NOT HTTP AT ALL\r\n\r\n"); self.close_connection = True
            def log_message(self, *args): pass
        class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
            daemon_threads = True
        Server(("127.0.0.1", int(sys.argv[1])), Handler).serve_forever()
        """#

    /// Runs `body` with a connection to the Python server on a free port.
    func withServer(_ body: (BlockingHTTPConnection, Int) throws -> Void) throws {
        let script = try folder.write("server.py", Self.server)
        let port = 20_000 + Int.random(in: 0..<20_000)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script, "\(port)"]
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer {
            // SIGKILL: a process started from the tests may inherit SIGTERM ignored.
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        let base = URL(string: "http://127.0.0.1:\(port)")!
        let probe = try #require(BlockingHTTPConnection(url: base, timeout: 5))
        // Up when it answers (Python takes a moment to start): one answered probe, connection 1.
        for _ in 0..<100 {
            if (try? probe.get(base.appendingPathComponent("len"))) != nil { break }
            Thread.sleep(forTimeInterval: 0.05)
        }
        let connection = try #require(BlockingHTTPConnection(url: base, timeout: 5))
        try body(connection, port)
    }

    func text(_ answer: BlockingHTTPConnection.Answer) -> String { String(decoding: answer.body, as: UTF8.self) }

    /// The body of `path` on `connection`, as text.
    func body(_ connection: BlockingHTTPConnection, _ port: Int, _ path: String) throws -> String {
        text(try connection.get(URL(string: "http://127.0.0.1:\(port)\(path)")!))
    }

    /// Each request has a connection of its own, and says so: a server's keep-alive timers
    /// never apply (the server counts connections; the probe was the first).
    @Test func answersComeWholeOneConnectionEach() throws {
        try withServer { connection, port in
            let first = try connection.get(URL(string: "http://127.0.0.1:\(port)/len?a=1;2")!)
            #expect(first.status == 200)
            #expect(text(first) == "/len?a=1;2 on 2")
            try #expect(body(connection, port, "/len?b") == "/len?b on 3")
            try #expect(body(connection, port, "/chunked") == "abcde")
            try #expect(body(connection, port, "/len") == "/len on 5")
        }
    }

    /// A server that closes the connection, saying so or not, is no failure.
    @Test func aServerThatClosesIsNoFailure() throws {
        try withServer { connection, port in
            try #expect(body(connection, port, "/close") == "closing")
            try #expect(body(connection, port, "/drop") == "dropped")
            try #expect(body(connection, port, "/len") == "/len on 4")
        }
    }

    /// A server's answer is input: a length beyond reason and bytes that are not HTTP are
    /// errors that say so, before anything is allocated for them.
    @Test func hostileAnswersAreErrors() throws {
        try withServer { connection, port in
            #expect {
                try connection.get(URL(string: "http://127.0.0.1:\(port)/huge")!)
            } throws: { "\($0)".contains("Content-Length") }
            #expect {
                try connection.get(URL(string: "http://127.0.0.1:\(port)/garbage")!)
            } throws: { "\($0)".contains("not an HTTP answer") }
            try #expect(body(connection, port, "/len").hasPrefix("/len on "))
        }
    }

    /// Nobody listening: a connection failure, quickly.
    @Test func aPortNobodyListensOnIsAFailure() throws {
        let connection = try #require(BlockingHTTPConnection(url: URL(string: "http://127.0.0.1:9")!, timeout: 2))
        #expect(throws: BlockingHTTPConnection.Failure.self) {
            try connection.get(URL(string: "http://127.0.0.1:9/x")!)
        }
        #expect(BlockingHTTPConnection(url: URL(string: "https://example.org")!, timeout: 2) == nil)
    }
}
