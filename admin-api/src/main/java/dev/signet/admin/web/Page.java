package dev.signet.admin.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One page of a list.
 *
 * @param items      the page's items
 * @param nextCursor pass as {@code cursor} to get the next page; null on the last page
 */
public record Page<T>(List<T> items, @JsonProperty("next_cursor") String nextCursor) {
}
