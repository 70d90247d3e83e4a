/// A value per age band id (`0-14`, `75+`).
public typealias BandValues = [String: Double]
