#!/bin/sh
# Regenerates the .xlsx workbooks of this folder. The tests read the committed .xlsx files, so running this is needed
# only after changing a source: the .fods files (flat OpenDocument, written by hand, converted by LibreOffice) and
# make-openpyxl.py (workbooks as openpyxl writes them: formulas without cached values).
#
# Needs: apt-get install -y --no-install-recommends libreoffice-calc   and   pip install openpyxl
set -eu
cd "$(dirname "$0")"
for source in *.fods; do
    soffice --headless --convert-to xlsx --outdir . "$source" >/dev/null
done
python3 make-openpyxl.py .
ls -l *.xlsx
