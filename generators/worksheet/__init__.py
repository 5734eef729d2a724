"""The worksheets: pupil sheet, answer key and digital sheet."""
