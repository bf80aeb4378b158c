"""The model library on disk: records, atomic files, checksummed safetensors, PEFT export."""
