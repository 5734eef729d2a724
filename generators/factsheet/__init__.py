"""The staff factsheet poster."""
