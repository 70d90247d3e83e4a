import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The processes of this machine, read from /proc: what a test checks is gone after a command.
enum LiveProcesses {
    /// The pids of live processes whose command line mentions `text` (a command's own cache
    /// folder or configuration file, which every program it starts receives in a path).
    static func mentioning(_ text: String) -> [Int32] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap { entry -> Int32? in
            guard let pid = Int32(entry), pid != getpid(),
                let data = FileManager.default.contents(atPath: "/proc/\(entry)/cmdline"),
                let state = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
                !state.contains(") Z ")  // a zombie is already gone, only not yet reaped
            else { return nil }
            let line = String(decoding: data.map { $0 == 0 ? 0x20 : $0 }, as: UTF8.self)
            return line.contains(text) ? pid : nil
        }
    }
}
