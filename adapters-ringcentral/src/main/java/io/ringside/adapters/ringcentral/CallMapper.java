package io.ringside.adapters.ringcentral;

import io.ringside.adapters.ringcentral.wire.ActiveCall;
import io.ringside.adapters.ringcentral.wire.CallLogParty;
import io.ringside.adapters.ringcentral.wire.CallLogRecord;
import io.ringside.domain.CallState;
import io.ringside.domain.CallingParty;
import io.ringside.domain.Direction;
import io.ringside.domain.InboundCall;
import org.mapstruct.Context;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.Named;
import org.mapstruct.factory.Mappers;

/** RingCentral's call records (call log, presence) as Ringside's {@link InboundCall}s. */
@Mapper
interface CallMapper {

    CallMapper INSTANCE = Mappers.getMapper(CallMapper.class);

    @Mapping(target = "direction", source = "direction", qualifiedByName = "callLogDirection")
    @Mapping(target = "dialledNumber", source = "to.phoneNumber")
    @Mapping(target = "state", source = "result", qualifiedByName = "callLogState")
    InboundCall fromCallLog(CallLogRecord record, @Context CallMappingContext context);

    @Mapping(target = "id", source = "call", qualifiedByName = "activeCallId")
    @Mapping(target = "from", source = "call", qualifiedByName = "activeCallCaller")
    @Mapping(target = "dialledNumber", source = "to")
    @Mapping(target = "startTime", source = "startTime", defaultExpression = "java(context.now())")
    @Mapping(target = "state", source = "telephonyStatus", qualifiedByName = "presenceState")
    InboundCall fromActiveCall(ActiveCall call, @Context CallMappingContext context);

    default CallingParty caller(CallLogParty party, @Context CallMappingContext context) {
        if (party == null) {
            return context.phoneNumbers().callingParty(null, null, null);
        }
        return context.phoneNumbers().callingParty(party.phoneNumber(), party.extensionNumber(), party.name());
    }

    @Named("activeCallCaller")
    default CallingParty activeCallCaller(ActiveCall call, @Context CallMappingContext context) {
        return context.phoneNumbers().callingParty(call.from(), null, call.fromName());
    }

    /** Presence calls always carry an id in practice; fall back to the session ids rather than lose the call. */
    @Named("activeCallId")
    default String activeCallId(ActiveCall call) {
        if (call.id() != null && !call.id().isBlank()) {
            return call.id();
        }
        return call.telephonySessionId() != null ? call.telephonySessionId() : call.sessionId();
    }

    /** The call log was asked for direction=Inbound: a record that omits its direction is one. */
    @Named("callLogDirection")
    default Direction callLogDirection(String direction) {
        return direction == null ? Direction.INBOUND : direction(direction);
    }

    default Direction direction(String direction) {
        if ("Inbound".equalsIgnoreCase(direction)) {
            return Direction.INBOUND;
        }
        if ("Outbound".equalsIgnoreCase(direction)) {
            return Direction.OUTBOUND;
        }
        throw new IllegalArgumentException("Unknown call direction '" + direction + "'");
    }

    @Named("callLogState")
    default CallState callLogState(String result) {
        return CallStates.fromCallLogResult(result);
    }

    @Named("presenceState")
    default CallState presenceState(String telephonyStatus) {
        return CallStates.fromTelephonyStatus(telephonyStatus);
    }
}
