import MaillageGeo

/// One PROJ transformation to WGS84 per CRS, created on first use and reused.
final class TransformerCache {
    private var transformers: [String: CoordinateTransformer] = [:]

    func transformer(for crs: String) throws -> CoordinateTransformer {
        if let transformer = transformers[crs] { return transformer }
        let transformer = try CoordinateTransformer(from: crs)
        transformers[crs] = transformer
        return transformer
    }
}
