import CProj
import Foundation
import MaillageCore

/// Converts coordinates between two coordinate reference systems through PROJ.
///
/// Create one per pair of systems and reuse it: building a PROJ transformation looks up
/// the EPSG database and is costly. Coordinates are always (x, y) = (easting or longitude,
/// northing or latitude), whatever the CRS's official axis order. A transformer can be
/// shared between threads; calls are serialised by a lock because PROJ objects are not
/// thread-safe.
///
/// ```swift
/// let lambert93 = try CoordinateTransformer(from: "EPSG:2154")
/// let toulouse = try lambert93.geoPoint(x: 574_000, y: 6_280_000)
/// ```
public final class CoordinateTransformer: @unchecked Sendable {
    /// The CRS coordinates come from, as given (`EPSG:2154` or a PROJ string).
    public let source: String
    /// The CRS coordinates go to.
    public let target: String

    private let context: ProjContext
    private let transformation: OpaquePointer
    private let lock = NSLock()

    /// WGS84 longitude/latitude, the CRS of every position Maillage stores.
    public static let wgs84 = "EPSG:4326"

    /// Prepares the transformation from `source` to `target` (WGS84 by default).
    ///
    /// - Throws: ``ProjError`` with PROJ's message when a CRS is unknown or no
    ///   transformation exists between them.
    public init(from source: String, to target: String = CoordinateTransformer.wgs84) throws {
        self.source = source
        self.target = target
        context = ProjContext()
        let operation = "creating the transformation from \(source) to \(target)"
        guard let raw = proj_create_crs_to_crs(context.handle, source, target, nil) else {
            throw context.error(operation: operation)
        }
        defer { proj_destroy(raw) }
        guard let normalized = proj_normalize_for_visualization(context.handle, raw) else {
            throw context.error(operation: operation)
        }
        transformation = normalized
    }

    deinit { proj_destroy(transformation) }

    /// Transforms one position.
    ///
    /// - Throws: ``ProjError`` when the position cannot be transformed (outside the
    ///   systems' area of use, or not a finite number).
    public func transform(x: Double, y: Double) throws -> (x: Double, y: Double) {
        var xs = [x]
        var ys = [y]
        try transform(xs: &xs, ys: &ys)
        return (xs[0], ys[0])
    }

    /// Transforms many positions in place, in one call into PROJ.
    ///
    /// - Throws: ``ProjError`` naming the first position that could not be transformed.
    public func transform(xs: inout [Double], ys: inout [Double]) throws {
        precondition(xs.count == ys.count, "x and y arrays must have the same length")
        let originalX = xs
        let originalY = ys
        let count = xs.count
        try lock.withLock {
            context.resetErrors()
            xs.withUnsafeMutableBufferPointer { xb in
                ys.withUnsafeMutableBufferPointer { yb in
                    let stride = MemoryLayout<Double>.stride
                    _ = proj_trans_generic(
                        transformation, PJ_FWD,
                        xb.baseAddress, stride, count,
                        yb.baseAddress, stride, count,
                        nil, 0, 0, nil, 0, 0
                    )
                }
            }
            if let bad = (0..<count).first(where: { !xs[$0].isFinite || !ys[$0].isFinite }) {
                var error = context.error(
                    operation: "transforming (\(originalX[bad]), \(originalY[bad])) from \(source) to \(target)")
                if error.message == "no message from PROJ" {
                    error = ProjError(
                        operation: error.operation, message: "the position is outside the area PROJ can transform",
                        code: error.code)
                }
                throw error
            }
        }
    }

    /// Transforms one position to a WGS84 point; the target must be WGS84.
    public func geoPoint(x: Double, y: Double) throws -> GeoPoint {
        let (lon, lat) = try transform(x: x, y: y)
        return try GeoPoint(longitude: lon, latitude: lat)
    }
}
