extension ProjectedTerritory {
    /// The zones as white outlines (points where a zone has none): the ground that overlays
    /// such as isochrones or chosen sites are drawn on.
    func blankZonesSVG() -> String {
        var svg = "<g fill=\"#ffffff\" stroke=\"#bdbdbd\" stroke-width=\"0.5\">"
        for placed in zones {
            switch placed.shape {
            case .polygons(let polygons):
                svg += "<path d=\"\(polygons.map(SVGPath.rings).joined())\" fill-rule=\"evenodd\"/>"
            case .point(let point):
                svg += "<circle cx=\"\(SVGPath.number(point.x))\" cy=\"\(SVGPath.number(point.y))\" r=\"2\"/>"
            }
        }
        return svg + "</g>\n"
    }
}
