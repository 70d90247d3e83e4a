# Writes Tests/Fixtures/osm/no-roads.osm.pbf: two tagged nodes and no way (a region with no road).
# Run once with PyPI's osmium: python3 scripts/make-no-roads-pbf.py Tests/Fixtures/osm/no-roads.osm.pbf
import osmium, sys
# Two points of interest and no way: a region with no road.
w = osmium.SimpleWriter(sys.argv[1])
w.add_node(osmium.osm.mutable.Node(id=1, location=(7.42, 43.73), tags={"amenity": "hospital"}, version=1, changeset=1, timestamp="2024-01-01T00:00:00Z", uid=1, user="maillage"))
w.add_node(osmium.osm.mutable.Node(id=2, location=(7.43, 43.74), tags={"amenity": "pharmacy"}, version=1, changeset=1, timestamp="2024-01-01T00:00:00Z", uid=1, user="maillage"))
w.close()
