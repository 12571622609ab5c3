package org.weightscope.api;

class ModelNotFoundException extends RuntimeException {

    ModelNotFoundException(String hub, String id) {
        super("no model '" + id + "' on hub '" + hub + "' in the catalogue", null, false, false);
    }
}
