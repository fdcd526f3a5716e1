-module(exc_undef).
-export([main/0, id/1, exported/1]).

id(X) -> X.

exported(X) -> {exported, X}.

t(F) -> try F() of V -> {ok, V} catch C:R -> {C, R} end.

main() ->
    erlang:display(t(fun() -> (id(no_such_module_kbeam_test)):f() end)),
    erlang:display(t(fun() -> lists:(id(no_such_function))(1) end)),
    erlang:display(t(fun() -> lists:reverse(id(1), 2, 3) end)),
    erlang:display(t(fun() -> apply(id(?MODULE), exported, [1]) end)),
    erlang:display(t(fun() -> apply(id(?MODULE), exported, [1, 2]) end)),
    erlang:display(t(fun() -> apply(id(?MODULE), not_exported_fn, []) end)),
    erlang:display(t(fun() -> ?MODULE:(id(main2))() end)),
    erlang:display(t(fun() -> (id(fun no_such_mod:g/0))() end)),
    erlang:display(t(fun() -> (id(fun lists:no_such_fn/3))(a, b, c) end)),
    erlang:display(t(fun() -> erlang:(id(not_a_bif))() end)),
    erlang:display(t(fun() -> apply(id("string_mod"), f, []) end)),
    erlang:display(t(fun() -> apply(id(lists), id(42), []) end)),
    erlang:display(t(fun() -> not_exported_fn() end)),
    erlang:display(erlang:function_exported(?MODULE, exported, 1)),
    erlang:display(erlang:function_exported(?MODULE, not_exported_fn, 0)),
    erlang:display(erlang:function_exported(lists, reverse, 1)),
    erlang:display(erlang:function_exported(erlang, abs, 1)),
    ok.

not_exported_fn() -> local.
