"""The PDF house style every printed artifact shares: fonts, styles, page furniture, QR codes."""
