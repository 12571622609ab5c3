package org.weightscope.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * A controller of the public read API under {@code /api/v1}, answering JSON or CSV. Public and anonymous:
 * notebooks and other sites may read it from a browser (GET only, no credentials involved).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@RestController
@CrossOrigin(origins = "*", methods = RequestMethod.GET)
@RequestMapping(
        path = ApiController.BASE,
        produces = {MediaType.APPLICATION_JSON_VALUE, "text/csv"})
@interface ReadApi {}
