"""The build pipeline: inputs and record, output plan and folder, worker pools, watch and preview."""
