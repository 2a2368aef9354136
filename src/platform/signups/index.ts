export { SignupService, signupErrors, type SignupSettings, type SignupStatus } from './signups.service';
export { registerSignupMessages } from './signups.messages';
