import Foundation
import MaillageRuns

extension FeatureFile {
    /// Reads a GeoJSON file a command wrote, for a report section.
    ///
    /// A missing file is ``ReportError/missingFile(path:what:)`` naming `what` the section
    /// shows; a file that is not a FeatureCollection is the section's own error, made by
    /// `unreadable` from the path and the reason.
    static func readForReport(
        _ path: String, what: String, unreadable: (_ path: String, _ reason: String) -> ReportError
    ) throws -> FeatureFile {
        guard FileManager.default.fileExists(atPath: path) else {
            throw ReportError.missingFile(path: path, what: what)
        }
        switch read(path) {
        case .success(let file): return file
        case .failure(let error): throw unreadable(path, error.reason)
        }
    }
}
