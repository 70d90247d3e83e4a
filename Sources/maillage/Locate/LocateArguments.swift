import ArgumentParser
import MaillageAccess
import MaillageRuns

extension LocateModelName: ExpressibleByArgument {}
extension LocateObjective: ExpressibleByArgument {}
extension LocationDirection: ExpressibleByArgument {}
