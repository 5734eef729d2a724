"""The letter to parents and carers (ouderbrief)."""
