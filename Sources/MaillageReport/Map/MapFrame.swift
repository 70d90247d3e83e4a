/// Fits projected coordinates into a rectangle of the page, north up, keeping proportions.
package struct MapFrame: Sendable {
    /// Width of the drawn area, in page units.
    package let width: Double
    /// Height of the drawn area, in page units.
    package let height: Double
    /// Page units per projected metre.
    package let scale: Double
    private let minX: Double
    private let maxY: Double
    private let offsetX: Double
    private let offsetY: Double

    /// The frame of `width` × at most `maxHeight` page units around the points, with a margin;
    /// the height shrinks to the territory's shape so that a wide territory leaves no blank band.
    package init(fitting points: [MapProjection.Point], width: Double, maxHeight: Double, margin: Double) {
        let xs = points.map(\.x)
        let ys = points.map(\.y)
        let minX = xs.min() ?? 0
        let maxX = xs.max() ?? 1
        let minY = ys.min() ?? 0
        let maxY = ys.max() ?? 1
        let spanX = max(maxX - minX, 1)
        let spanY = max(maxY - minY, 1)
        let scale = min((width - 2 * margin) / spanX, (maxHeight - 2 * margin) / spanY)
        self.width = width
        self.height = min(maxHeight, spanY * scale + 2 * margin)
        self.scale = scale
        self.minX = minX
        self.maxY = maxY
        offsetX = (width - spanX * scale) / 2
        offsetY = margin
    }

    /// Where a projected point falls on the page (y grows downwards).
    package func place(_ point: MapProjection.Point) -> (x: Double, y: Double) {
        (offsetX + (point.x - minX) * scale, offsetY + (maxY - point.y) * scale)
    }
}
