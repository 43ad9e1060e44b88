export {
  type Failure,
  type Handlers,
  listenForRequests,
  type Replies,
  Request,
  type RequestOf,
  sendRequest,
} from './protocol';
