package org.weightscope.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The body of every API error: a message for people and, for a bad parameter, which one. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ApiError(String error, String parameter) {}
