import Foundation
import MaillageFormats

/// The FINESS file layouts the importer reads, told apart by their first line.
enum FinessLayout: Sendable, Equatable {
    /// The official Etalab stock file: `finess;etalab;…` then `structureet` and `geolocalisation` records.
    case stock
    /// One line per establishment under a header naming `nofinesset`.
    case flat

    static func detect(path: String) throws -> FinessLayout {
        try InputFile.requireFile(path)
        guard let handle = FileHandle(forReadingAtPath: path) else { throw FileAccessError.missing(path) }
        defer { try? handle.close() }
        let sample = (try? handle.read(upToCount: 4096)) ?? Data()
        guard !sample.isEmpty else {
            throw ImportError(
                file: path, line: 1,
                expected: "a FINESS extract (Etalab stock or one line per establishment), but the file is empty")
        }
        // The record type is ASCII in every layout, whatever the encoding of the rest.
        let start = String(decoding: sample.prefix(32), as: UTF8.self).replacingOccurrences(of: "\u{FEFF}", with: "")
        return start.hasPrefix("finess;") || start.hasPrefix("structureet;") ? .stock : .flat
    }

    func read(path: String, report: inout ImportReport) throws -> [FinessEstablishment] {
        switch self {
        case .stock: return try FinessStockReader.read(path: path, report: &report)
        case .flat: return try FinessFlatReader.read(path: path, report: &report)
        }
    }
}
