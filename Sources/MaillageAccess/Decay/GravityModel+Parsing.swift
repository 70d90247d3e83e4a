extension GravityModel {
    /// Reads a gravity weight as written on the command line and in scenario files:
    /// `gravity:SCALE:ALPHA`, such as `gravity:60:-1` (no minimum time, no limit).
    public static func parse(_ text: String) throws -> GravityModel {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 3, parts[0].lowercased() == "gravity",
            let scale = Double(parts[1]), let alpha = Double(parts[2])
        else {
            throw AccessError.invalidParameter(
                "a gravity decay is gravity:SCALE:ALPHA, such as gravity:60:-1, not '\(text)'")
        }
        return GravityModel(scale: scale, alpha: alpha)
    }
}
