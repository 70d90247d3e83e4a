import Foundation

/// A feature's geometry in the layer's CRS, as the GeoPackage stores it (x = easting or longitude).
public enum GeoPackageGeometry: Sendable, Equatable {
    case point(x: Double, y: Double)
    case lineString([XY])
    /// Polygons, each an outer ring then holes; rings closed.
    case multiPolygon([[[XY]]])

    /// A point in the layer's CRS: x easting or longitude, y northing or latitude.
    public struct XY: Sendable, Equatable {
        /// Easting or longitude.
        public var x: Double
        /// Northing or latitude.
        public var y: Double
        /// The point (`x`, `y`).
        public init(_ x: Double, _ y: Double) {
            self.x = x
            self.y = y
        }
    }

    /// The bounding box (min x, max x, min y, max y), or nil for an empty geometry.
    public var envelope: (minX: Double, maxX: Double, minY: Double, maxY: Double)? {
        let points: [XY]
        switch self {
        case .point(let x, let y): points = [XY(x, y)]
        case .lineString(let line): points = line
        case .multiPolygon(let polygons): points = polygons.flatMap { $0.first ?? [] }
        }
        guard let first = points.first else { return nil }
        var box = (minX: first.x, maxX: first.x, minY: first.y, maxY: first.y)
        for point in points.dropFirst() {
            box.minX = min(box.minX, point.x)
            box.maxX = max(box.maxX, point.x)
            box.minY = min(box.minY, point.y)
            box.maxY = max(box.maxY, point.y)
        }
        return box
    }

    /// The StandardGeoPackageBinary blob (GeoPackage 1.3, § 2.1.3): magic `GP`, version 0, flags
    /// (little-endian, an [minx, maxx, miny, maxy] envelope), the SRS id, the envelope, then the
    /// geometry as little-endian ISO WKB.
    public func blob(srsID: Int32) -> Data {
        var data = Data([0x47, 0x50, 0x00])
        let envelope = self.envelope
        // Bit 0: little-endian; bits 1–3: envelope kind 1 (xy); bit 4: empty.
        data.append(envelope == nil ? 0b0001_0001 : 0b0000_0011)
        data.appendLittleEndian(UInt32(bitPattern: srsID))
        if let envelope {
            for value in [envelope.minX, envelope.maxX, envelope.minY, envelope.maxY] {
                data.appendLittleEndian(value.bitPattern)
            }
        }
        appendWKB(to: &data)
        return data
    }

    /// Well-known binary, little-endian (OGC 06-103r4): point 1, line string 2, polygon 3, multipolygon 6.
    func appendWKB(to data: inout Data) {
        func header(_ type: UInt32) {
            data.append(1)
            data.appendLittleEndian(type)
        }
        func xy(_ point: XY) {
            data.appendLittleEndian(point.x.bitPattern)
            data.appendLittleEndian(point.y.bitPattern)
        }
        switch self {
        case .point(let x, let y):
            header(1)
            xy(XY(x, y))
        case .lineString(let points):
            header(2)
            data.appendLittleEndian(UInt32(points.count))
            points.forEach(xy)
        case .multiPolygon(let polygons):
            header(6)
            data.appendLittleEndian(UInt32(polygons.count))
            for polygon in polygons {
                header(3)
                data.appendLittleEndian(UInt32(polygon.count))
                for ring in polygon {
                    data.appendLittleEndian(UInt32(ring.count))
                    ring.forEach(xy)
                }
            }
        }
    }
}

extension Data {
    mutating func appendLittleEndian<T: FixedWidthInteger>(_ value: T) {
        Swift.withUnsafeBytes(of: value.littleEndian) { append(contentsOf: $0) }
    }
}
