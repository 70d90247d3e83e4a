import ArgumentParser
import MaillageStore

/// `zones` or `actors`, as `--origins`/`--destinations` take them.
enum EndpointKindArgument: String, ExpressibleByArgument, CaseIterable {
    case zones
    case actors

    var kind: TravelEndpoint.Kind { self == .zones ? .zone : .actor }
}
