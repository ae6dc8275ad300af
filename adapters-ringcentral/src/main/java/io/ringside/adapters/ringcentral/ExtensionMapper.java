package io.ringside.adapters.ringcentral;

import io.ringside.adapters.ringcentral.wire.ExtensionListRecord;
import io.ringside.domain.Extension;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.factory.Mappers;

/** A record of RingCentral's extension list as Ringside's {@link Extension}: field to field, the id as text. */
@Mapper
interface ExtensionMapper {

    ExtensionMapper INSTANCE = Mappers.getMapper(ExtensionMapper.class);

    @Mapping(target = "number", source = "extensionNumber")
    Extension fromListRecord(ExtensionListRecord record);
}
