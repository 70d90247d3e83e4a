"""The reference rule of issue 5 written with Mesa, on the instance maillage-bench wrote.

Usage: python3 scripts/bench/mesa_reference_rule.py INSTANCE.json [DAYS]
Each day every patient, with the instance's probability, visits the nearest GP of its zone's
order with a slot left, else the next nearest; slots reset every day. Patients act in id
order, as in the Swift version. Prints time, visits, unmet and agent-days per second.
"""
import json
import sys
import time

import mesa


class Patient(mesa.Agent):
    def __init__(self, model, zone):
        super().__init__(model)
        self.zone = zone

    def step(self):
        model = self.model
        if model.random.random() < model.probability:
            left = model.left
            for gp in model.gp_order[self.zone]:
                if left[gp] > 0:
                    left[gp] -= 1
                    model.visits += 1
                    return
            model.unmet += 1


class Territory(mesa.Model):
    def __init__(self, instance, seed=1):
        super().__init__(seed=seed)
        self.gp_order = instance["gp_order"]
        self.slots = instance["slots"]
        self.probability = instance["probability"]
        self.gps = len(self.gp_order[0])
        self.left = []
        self.visits = 0
        self.unmet = 0
        for zone in instance["patient_zones"]:
            Patient(self, zone)

    def step(self):
        self.left = [self.slots] * self.gps
        self.agents.do("step")


def main():
    instance = json.load(open(sys.argv[1]))
    days = int(sys.argv[2]) if len(sys.argv) > 2 else instance["days"]
    model = Territory(instance)
    start = time.perf_counter()
    for _ in range(days):
        model.step()
    seconds = time.perf_counter() - start
    steps = len(instance["patient_zones"]) * days
    print(f"mesa {mesa.__version__} reference rule: {seconds:.3f} s for {days} days, {model.visits} visits, "
          f"{model.unmet} unmet, {steps / seconds:.3e} agent-days/s")


if __name__ == "__main__":
    main()
