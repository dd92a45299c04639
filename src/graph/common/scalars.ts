export { DateTimeResolver as DateTime, JSONObjectResolver as JSONObject, SafeIntResolver as SafeInt } from 'graphql-scalars';
