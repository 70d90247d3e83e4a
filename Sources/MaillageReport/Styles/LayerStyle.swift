import Foundation

/// A QGIS style (QML) and its OGC Symbology Encoding twin (SLD 1.1) for one numeric column of a
/// zone layer, with the classes and colours of the HTML report: quantile classes in the
/// sequential palette, or classes centred on 0 in the diverging palette for differences.
public struct LayerStyle: Sendable, Equatable {
    /// The column of the zone layer the style colours.
    public let column: String
    /// The QGIS style document (QML).
    public let qml: String
    /// The same style as OGC Styled Layer Descriptor 1.1 (SLD), for other GIS.
    public let sld: String

    /// A class: its bounds (a class holds its upper bound), colour and legend label.
    struct Band: Equatable {
        var lower: Double
        var upper: Double
        var colour: String
        var label: String
    }

    /// The report's choropleth classes (quantiles, `ChoroplethMap.classCount`) of the values;
    /// nil when no value is defined.
    public static func sequential(layer: String, column: String, values: [Double], polygons: Bool) -> LayerStyle? {
        guard let classes = QuantileClasses(values: values, classes: ChoroplethMap.classCount) else { return nil }
        let colours = SequentialPalette.colours(count: classes.count)
        let bands = (0..<classes.count).map { index in
            let lower = classes.lowerBound(ofClass: index)
            let upper = classes.upperBounds[index]
            return Band(
                lower: lower, upper: upper, colour: colours[index],
                label: "\(DisplayNumber.auto(lower)) – \(DisplayNumber.auto(upper))")
        }
        return LayerStyle(layer: layer, column: column, bands: bands, polygons: polygons, mode: "quantile")
    }

    /// The report's diverging classes of differences (orange falls, purple rises).
    public static func diverging(layer: String, column: String, values: [Double], polygons: Bool) -> LayerStyle? {
        guard let classes = DivergingClasses(values: values) else { return nil }
        let bands = DivergingPalette.colours.indices.map { index in
            let (low, high) = classes.bounds(ofClass: index)
            return Band(
                lower: low, upper: high, colour: DivergingPalette.colours[index],
                label: "\(DisplayNumber.auto(low)) – \(DisplayNumber.auto(high))")
        }
        return LayerStyle(layer: layer, column: column, bands: bands, polygons: polygons, mode: "jenks")
    }

    init(layer: String, column: String, bands: [Band], polygons: Bool, mode: String) {
        self.column = column
        qml = Self.qml(column: column, bands: bands, polygons: polygons, mode: mode)
        sld = Self.sld(layer: layer, column: column, bands: bands, polygons: polygons)
    }

    static func rgb(_ hex: String) -> String {
        let digits = hex.dropFirst()
        let value = Int(digits, radix: 16) ?? 0
        return "\((value >> 16) & 255),\((value >> 8) & 255),\(value & 255),255"
    }

    static func xml(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    /// Numbers as QGIS writes range bounds: full precision, '.' decimal point.
    static func number(_ value: Double) -> String { "\(value)" }

    static func qml(column: String, bands: [Band], polygons: Bool, mode: String) -> String {
        let ranges = bands.enumerated().map { index, band in
            "      <range lower=\"\(number(band.lower))\" upper=\"\(number(band.upper))\" symbol=\"\(index)\" label=\"\(xml(band.label))\" render=\"true\"/>"
        }
        let symbols = bands.enumerated().map { index, band in
            let colour = rgb(band.colour)
            let properties =
                polygons
                ? [
                    ("color", colour), ("outline_color", "255,255,255,255"), ("outline_width", "0.1"),
                    ("outline_style", "solid"), ("style", "solid"),
                ]
                : [
                    ("color", colour), ("name", "circle"), ("size", "2.6"), ("outline_color", "80,80,80,255"),
                    ("outline_width", "0.2"),
                ]
            let options = properties.map { "            <Option name=\"\($0.0)\" type=\"QString\" value=\"\($0.1)\"/>" }
                .joined(separator: "\n")
            let props = properties.map { "          <prop k=\"\($0.0)\" v=\"\($0.1)\"/>" }.joined(separator: "\n")
            return """
                      <symbol type="\(polygons ? "fill" : "marker")" name="\(index)" alpha="1" clip_to_extent="1" force_rhr="0">
                        <layer class="\(polygons ? "SimpleFill" : "SimpleMarker")" enabled="1" locked="0" pass="0">
                          <Option type="Map">
                \(options)
                          </Option>
                \(props)
                        </layer>
                      </symbol>
                """
        }
        return """
            <!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
            <qgis version="3.28.0" styleCategories="Symbology">
              <renderer-v2 type="graduatedSymbol" attr="\(xml(column))" graduatedMethod="GraduatedColor" symbollevels="0" enableorderby="0" forceraster="0">
                <ranges>
            \(ranges.joined(separator: "\n"))
                </ranges>
                <symbols>
            \(symbols.joined(separator: "\n"))
                </symbols>
                <mode name="\(mode)"/>
              </renderer-v2>
            </qgis>

            """
    }

    static func sld(layer: String, column: String, bands: [Band], polygons: Bool) -> String {
        let rules = bands.map { band in
            let symbolizer =
                polygons
                ? """
                        <se:PolygonSymbolizer>
                          <se:Fill><se:SvgParameter name="fill">\(band.colour)</se:SvgParameter></se:Fill>
                          <se:Stroke><se:SvgParameter name="stroke">#ffffff</se:SvgParameter><se:SvgParameter name="stroke-width">0.1</se:SvgParameter></se:Stroke>
                        </se:PolygonSymbolizer>
                """
                : """
                        <se:PointSymbolizer><se:Graphic><se:Mark><se:WellKnownName>circle</se:WellKnownName>
                          <se:Fill><se:SvgParameter name="fill">\(band.colour)</se:SvgParameter></se:Fill></se:Mark><se:Size>7</se:Size></se:Graphic>
                        </se:PointSymbolizer>
                """
            return """
                        <se:Rule>
                          <se:Name>\(xml(band.label))</se:Name>
                          <se:Description><se:Title>\(xml(band.label))</se:Title></se:Description>
                          <ogc:Filter xmlns:ogc="http://www.opengis.net/ogc">
                            <ogc:And>
                              <ogc:PropertyIsGreaterThanOrEqualTo><ogc:PropertyName>\(xml(column))</ogc:PropertyName><ogc:Literal>\(number(band.lower))</ogc:Literal></ogc:PropertyIsGreaterThanOrEqualTo>
                              <ogc:PropertyIsLessThanOrEqualTo><ogc:PropertyName>\(xml(column))</ogc:PropertyName><ogc:Literal>\(number(band.upper))</ogc:Literal></ogc:PropertyIsLessThanOrEqualTo>
                            </ogc:And>
                          </ogc:Filter>
                \(symbolizer)
                        </se:Rule>
                """
        }
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <StyledLayerDescriptor xmlns="http://www.opengis.net/sld" xmlns:ogc="http://www.opengis.net/ogc" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:se="http://www.opengis.net/se" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" version="1.1.0" xsi:schemaLocation="http://www.opengis.net/sld http://schemas.opengis.net/sld/1.1.0/StyledLayerDescriptor.xsd">
              <NamedLayer>
                <se:Name>\(xml(layer))</se:Name>
                <UserStyle>
                  <se:Name>\(xml(column))</se:Name>
                  <se:FeatureTypeStyle>
            \(rules.joined(separator: "\n"))
                  </se:FeatureTypeStyle>
                </UserStyle>
              </NamedLayer>
            </StyledLayerDescriptor>

            """
    }
}
