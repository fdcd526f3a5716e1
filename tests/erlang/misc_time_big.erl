-module(misc_time_big).
-export([main/0]).
main() ->
    erlang:display(is_integer(erlang:system_time())),
    erlang:display(erlang:system_time() > 1 bsl 59),
    erlang:display(erlang:system_time(nanosecond) > 1600000000000000000),
    erlang:display(is_integer(erlang:monotonic_time(native))),
    erlang:display(erlang:unique_integer([positive]) > 0),
    ok.
