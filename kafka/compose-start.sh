#!/bin/bash
# docker-compose's Kafka broker (apache/kafka image): SASL on every listener, the standard
# authorizer, the users of kafka/compose-credentials.properties and the ACLs of kafka/access.txt.
#   kafka:9092      services, inside the compose network (SCRAM-SHA-512, or PLAIN)
#   localhost:9094  host tools and partners (the same logins)
#   :9093           the KRaft controller, the administrator only (PLAIN)
# Users and ACLs are added at every start (adding is idempotent); a grant removed from the table
# must be removed by hand (kafka-acls.sh --remove, see README).
set -euo pipefail

KAFKA=/opt/kafka
DATA=${KAFKA_LOG_DIRS:-/var/lib/kafka/data}
CONFIG=/tmp/server.properties
ADMIN_CONFIG=/tmp/admin.properties
CREDENTIALS=/relocmatch/kafka/compose-credentials.properties
TABLE=/relocmatch/kafka/access.txt

password() { sed -n "s/^$1=//p" "$CREDENTIALS"; }
ADMIN_PASSWORD=$(password admin)

plain_users=""
while IFS='=' read -r user secret; do
    case "$user" in ''|\#*) continue ;; esac
    plain_users="$plain_users user_${user}=\"${secret}\""
done < "$CREDENTIALS"

cat > "$CONFIG" <<PROPERTIES
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@kafka:9093
listeners=INTERNAL://:9092,CONTROLLER://:9093,EXTERNAL://:9094
advertised.listeners=INTERNAL://kafka:9092,EXTERNAL://localhost:9094
listener.security.protocol.map=INTERNAL:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT,EXTERNAL:SASL_PLAINTEXT
inter.broker.listener.name=INTERNAL
controller.listener.names=CONTROLLER
sasl.mechanism.inter.broker.protocol=SCRAM-SHA-512
sasl.mechanism.controller.protocol=PLAIN
sasl.enabled.mechanisms=SCRAM-SHA-512,PLAIN
listener.name.internal.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="${ADMIN_PASSWORD}";
listener.name.internal.plain.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required${plain_users};
listener.name.external.plain.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required${plain_users};
listener.name.controller.sasl.enabled.mechanisms=PLAIN
listener.name.controller.plain.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="admin" password="${ADMIN_PASSWORD}" user_admin="${ADMIN_PASSWORD}";
authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer
super.users=User:admin
log.dirs=${DATA}
num.partitions=3
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
PROPERTIES

cat > "$ADMIN_CONFIG" <<PROPERTIES
security.protocol=SASL_PLAINTEXT
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="${ADMIN_PASSWORD}";
PROPERTIES

if [ ! -f "$DATA/meta.properties" ]; then
    "$KAFKA/bin/kafka-storage.sh" format -t "$("$KAFKA/bin/kafka-storage.sh" random-uuid)" -c "$CONFIG" \
        --add-scram "SCRAM-SHA-512=[name=admin,password=${ADMIN_PASSWORD}]"
fi

rm -f /tmp/relocmatch-kafka-ready
"$KAFKA/bin/kafka-server-start.sh" "$CONFIG" &
broker=$!
trap 'kill -TERM $broker; wait $broker' TERM INT

until "$KAFKA/bin/kafka-broker-api-versions.sh" --bootstrap-server localhost:9092 --command-config "$ADMIN_CONFIG" >/dev/null 2>&1; do
    kill -0 $broker || exit 1
    sleep 2
done

while IFS='=' read -r user secret; do
    case "$user" in ''|\#*) continue ;; esac
    "$KAFKA/bin/kafka-configs.sh" --bootstrap-server localhost:9092 --command-config "$ADMIN_CONFIG" --alter \
        --entity-type users --entity-name "$user" --add-config "SCRAM-SHA-512=[password=${secret}]" >/dev/null
done < "$CREDENTIALS"

while read -r principal type pattern name operations; do
    case "$principal" in ''|\#*) continue ;; esac
    args=()
    for operation in $operations; do args+=(--operation "$operation"); done
    "$KAFKA/bin/kafka-acls.sh" --bootstrap-server localhost:9092 --command-config "$ADMIN_CONFIG" --add \
        --allow-principal "User:$principal" "--$type" "$name" --resource-pattern-type "${pattern^^}" "${args[@]}" >/dev/null
done < "$TABLE"

touch /tmp/relocmatch-kafka-ready
echo "RelocMatch: Kafka users and ACLs in place"
wait $broker
