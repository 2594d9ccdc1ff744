/** A request to show one document's detail, e.g. from the search box (seq makes repeats distinct). */
export interface OpenRequest {
  id: number;
  seq: number;
}
