import MaillageFormats
import MaillageStore

/// The endpoints a matrix file may name, numbered (zones first, then actors), with the byte
/// indexes the reader's fast lane looks ids up in.
///
/// An id naming both a zone and an actor, with no kind given for its column, is left out of
/// the indexes: its rows go to the importer's own reading, which says it is ambiguous.
struct MatrixEndpoints {
    let endpoints: [TravelEndpoint]
    let ordinal: [TravelEndpoint: Int]
    let resolver: EndpointResolver
    let origins: ByteKeyIndex
    let destinations: ByteKeyIndex

    init(
        zoneIDs: [String], actorIDs: [String], origins originKind: TravelEndpoint.Kind?,
        destinations destinationKind: TravelEndpoint.Kind?
    ) {
        let endpoints = zoneIDs.map(TravelEndpoint.zone) + actorIDs.map(TravelEndpoint.actor)
        self.endpoints = endpoints
        ordinal = Dictionary(endpoints.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let resolver = EndpointResolver(zones: Set(zoneIDs), actors: Set(actorIDs))
        self.resolver = resolver
        func index(_ kind: TravelEndpoint.Kind?) -> ByteKeyIndex {
            var index = ByteKeyIndex()
            for (position, endpoint) in endpoints.enumerated() {
                if case .found(let found) = resolver.resolve(endpoint.id, as: kind), found == endpoint {
                    index.set(endpoint.id, to: position)
                }
            }
            return index
        }
        let origins = index(originKind)
        self.origins = origins
        destinations = originKind == destinationKind ? origins : index(destinationKind)
    }
}
