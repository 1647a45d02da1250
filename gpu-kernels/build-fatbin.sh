#!/usr/bin/env bash
# Builds the CUDA fatbin of the kernels (SASS for sm_80 and sm_90, PTX for newer GPUs) when nvcc is found
# on the PATH or in $CUDA_HOME/bin. Without nvcc the build goes on and the CUDA backend says its kernels
# were not built; a kernel that does not compile fails the build. ptxas's register and shared-memory
# report is kept beside the fatbin's log.
# Usage: build-fatbin.sh KERNEL_SOURCE_DIR FATBIN_OUT PTXAS_LOG
set -euo pipefail
src="$1"
out="$2"
log="$3"
nvcc="$(command -v nvcc || true)"
if [ -z "$nvcc" ] && [ -n "${CUDA_HOME:-}" ] && [ -x "$CUDA_HOME/bin/nvcc" ]; then
  nvcc="$CUDA_HOME/bin/nvcc"
fi
if [ -z "$nvcc" ]; then
  echo "[jetlog] nvcc not found (PATH, CUDA_HOME): the CUDA kernels are not built; the cuda backend will say so"
  exit 0
fi
mkdir -p "$(dirname "$out")" "$(dirname "$log")"
if [ -f "$out" ] && [ -z "$(find "$src" -type f -newer "$out")" ]; then
  echo "[jetlog] CUDA kernels up to date: $out"
  exit 0
fi
# --fmad=false and IEEE division keep float results identical to the JVM's
if ! "$nvcc" -fatbin -O3 --fmad=false -prec-div=true -prec-sqrt=true -ftz=false \
    -gencode arch=compute_80,code=sm_80 \
    -gencode arch=compute_90,code=sm_90 \
    -gencode arch=compute_90,code=compute_90 \
    -Xptxas -v -o "$out.tmp" "$src/jetlog.cu" > "$log" 2>&1; then
  cat "$log" >&2
  echo "[jetlog] the CUDA kernels do not compile (see above)" >&2
  rm -f "$out.tmp"
  exit 1
fi
mv "$out.tmp" "$out"
echo "[jetlog] built $out with $("$nvcc" --version | tail -n 1); ptxas report in $log"
