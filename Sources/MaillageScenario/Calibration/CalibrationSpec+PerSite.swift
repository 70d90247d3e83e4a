import MaillageCore

extension CalibrationSpec {
    /// The spec with each `per_site` target replaced by one target per fitted site that observes
    /// it in the fit year (ids in order), named `name@id`, each weighing `weight / n`.
    ///
    /// A sum over the sites fits the total; the shares of the sites (what a choice model moves)
    /// need each site's own error in the objective. Splitting the weight keeps the target's
    /// weight against the others whatever the number of sites. Every reader of the spec (the
    /// history's columns, the fit tables, a resumed run) sees the same expanded list.
    public func expandingPerSiteTargets(observed: ObservedTable, territory: Territory) -> CalibrationSpec {
        guard targets.contains(where: \.perSite) else { return self }
        let fitted = Set(territory.actors.filter { !holdout.contains($0) }.map(\.id))
        var expanded = self
        expanded.targets = targets.flatMap { target -> [CalibrationTarget] in
            guard target.perSite else { return [target] }
            let sites = target.subjects(in: observed, year: fitYear, within: fitted).sorted()
            return sites.map { id in
                var one = target
                one.name = "\(target.name)@\(id)"
                one.weight = target.weight / Double(sites.count)
                one.perSite = false
                one.sites = [id]
                return one
            }
        }
        return expanded
    }
}
