package io.ringside.archfixture.domain;

/** Wrong on purpose: a domain class that uses Spring. */
@org.springframework.stereotype.Component
public class SpringAnnotatedDomainObject {
}
