package org.weightscope.api;

import org.weightscope.catalogue.CatalogueModel;

/**
 * A model named in a path as {@code /{hub}/{*id}}: the hub id (its short prefix accepted) and the hub's repo id,
 * slashes included.
 */
record ModelPath(String hub, String repoId) {

    /** @param id as Spring binds {@code {*id}}: with its leading slash */
    static ModelPath of(String hub, String id) {
        String hubId = Params.hub("hub", hub);
        String repoId = id.startsWith("/") ? id.substring(1) : id;
        if (repoId.isBlank()) {
            throw new BadParameterException(
                    "id",
                    "give the model's repo id after the hub, e.g. " + ApiController.BASE
                            + "/models/huggingface/Qwen/Qwen2.5-7B-Instruct");
        }
        return new ModelPath(hubId, repoId);
    }

    /** The catalogue's id of the model, e.g. {@code hf:Qwen/Qwen2.5-7B-Instruct}. */
    String modelId() {
        return CatalogueModel.idPrefix(hub) + ":" + repoId;
    }

    ModelNotFoundException notFound() {
        return new ModelNotFoundException(hub, repoId);
    }
}
