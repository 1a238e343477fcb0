#!/usr/bin/env bash
# Back up Chợ OCOP Cao Bằng into a folder: the PostgreSQL database as pg_dump's custom format
# (database.dump) and the uploaded files of MEDIA_ROOT as a tar (media.tar.gz). The site may keep
# running: pg_dump reads one consistent snapshot. Reads the environment (not .env):
#   DATABASE_URL=postgres://user:password@host:5432/cho_ocop MEDIA_ROOT=/var/lib/cho-ocop/media \
#       deploy/backup.sh /var/backups/cho-ocop/$(date +%F)
# With media on object storage, copy the bucket instead: aws s3 sync s3://BUCKET/ FOLDER/media/
set -euo pipefail

folder=${1:?"usage: deploy/backup.sh FOLDER (made if missing)"}
database=${DATABASE_URL:?"DATABASE_URL must name the PostgreSQL database to back up"}
media=${MEDIA_ROOT:-"$(cd "$(dirname "$0")/.." && pwd)/media"}
case $database in
    postgres://* | postgresql://*) ;;
    *) echo "DATABASE_URL is not a postgres:// URL; only PostgreSQL is backed up" >&2; exit 2 ;;
esac

mkdir -p "$folder"
pg_dump --format=custom --no-owner --file="$folder/database.dump" --dbname="$database"
tar --create --gzip --file="$folder/media.tar.gz" --directory="$media" .
echo "Backed up the database and $media into $folder"
