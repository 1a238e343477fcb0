#!/usr/bin/env bash
# Restore a folder made by deploy/backup.sh: the database into the one DATABASE_URL names (an empty
# one made with createdb, or the site's own, whose tables are replaced) and the uploaded files into
# MEDIA_ROOT. Stop the web servers and the worker first, start them again after. Reads the environment:
#   DATABASE_URL=postgres://user:password@host:5432/cho_ocop MEDIA_ROOT=/var/lib/cho-ocop/media \
#       deploy/restore.sh /var/backups/cho-ocop/2025-06-01
set -euo pipefail

folder=${1:?"usage: deploy/restore.sh FOLDER (as deploy/backup.sh made it)"}
database=${DATABASE_URL:?"DATABASE_URL must name the PostgreSQL database to restore into"}
media=${MEDIA_ROOT:-"$(cd "$(dirname "$0")/.." && pwd)/media"}
case $database in
    postgres://* | postgresql://*) ;;
    *) echo "DATABASE_URL is not a postgres:// URL; only PostgreSQL is restored" >&2; exit 2 ;;
esac
for file in database.dump media.tar.gz; do
    [ -f "$folder/$file" ] || { echo "$folder/$file is missing: not a folder of deploy/backup.sh" >&2; exit 2; }
done

pg_restore --clean --if-exists --no-owner --exit-on-error --dbname="$database" "$folder/database.dump"
mkdir -p "$media"
tar --extract --gzip --file="$folder/media.tar.gz" --directory="$media"
echo "Restored the database and $media from $folder"
