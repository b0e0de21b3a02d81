"""Work-to-work (van werk naar werk): employees at risk of losing their job, registered by
their employer (or a sector fund through an employer adviser), each with a trajectory that
starts before the job ends. The registration itself is `cases.flows.register_employees_at_risk`.
"""
