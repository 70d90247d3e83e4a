import Foundation

/// Writing to the terminal: results on stdout, everything else on stderr.
enum Console {
    static func standardError(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
